package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.dvc.calendar.LunarCalendar.LunarDate;

/** Dates of the Vietnamese lunar calendar as published (RULES.md §3 and the official almanacs). */
class LunarCalendarTest {

    private final LunarCalendar vietnam = LunarCalendar.vietnam();
    private final LunarCalendar china = new LunarCalendar(8.0);

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
            "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
            "2030, 2030-02-02",
            // Vietnam and China differ in these years: the new moon fell between 23:00 and 24:00 Vietnam time.
            "1985, 1985-01-21", "2007, 2007-02-17"})
    void firstDayOfTetIsTheOfficialOne(int year, LocalDate expected) {
        assertThat(vietnam.newYear(year)).isEqualTo(expected);
        assertThat(vietnam.toLunar(expected)).isEqualTo(new LunarDate(1, 1, year, false));
    }

    @Test
    void theChineseMeridianGivesAnotherTetIn1985And2007And2030() {
        assertThat(china.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(china.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(china.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        assertThat(china.newYear(2027)).isEqualTo(vietnam.newYear(2027));
    }

    @ParameterizedTest(name = "Hùng Kings'' day {0} is {1}")
    @CsvSource({"2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07",
            "2026, 2026-04-26", "2027, 2027-04-16", "2028, 2028-04-04", "2029, 2029-04-23"})
    void hungKingsDayIsTheTenthOfTheThirdMonth(int year, LocalDate expected) {
        assertThat(vietnam.toSolar(10, 3, year, false)).isEqualTo(expected);
    }

    @Test
    void leapMonthsAreRepeatedMonths() {
        // 2023 (Quý Mão) repeated the 2nd month: 22/3/2023 was the 1st of the leap 2nd month.
        assertThat(vietnam.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(1, 2, 2023, true));
        assertThat(vietnam.toSolar(1, 2, 2023, true)).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(vietnam.toSolar(1, 3, 2023, false)).isEqualTo(LocalDate.of(2023, 4, 20));
        // 2025 (Ất Tỵ) repeated the 6th month: 25/7/2025 was the 1st of the leap 6th month.
        assertThat(vietnam.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(1, 6, 2025, true));
        assertThatThrownBy(() -> vietnam.toSolar(1, 5, 2025, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vietnam.toSolar(1, 5, 2024, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastDayOfTheYearIsTheDayBeforeTet() {
        // The 12th month of Giáp Thìn (2024) had 29 days: 28/1/2025 was its last day.
        assertThat(vietnam.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(29, 12, 2024, false));
        assertThat(vietnam.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarDate(30, 12, 2023, false));
    }

    @Test
    void convertsBothWaysForEveryDayOfTwoCenturies() {
        for (LocalDate day = LocalDate.of(1900, 3, 1); day.isBefore(LocalDate.of(2100, 1, 1)); day = day.plusDays(1)) {
            LunarDate lunar = vietnam.toLunar(day);
            assertThat(vietnam.toSolar(lunar.day(), lunar.month(), lunar.year(), lunar.leap())).as(day.toString())
                    .isEqualTo(day);
        }
    }
}
