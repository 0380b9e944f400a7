package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.dvc.calendar.HolidayRules.OffDay;
import vn.dvc.calendar.HolidayRules.YearDays;

/** Days off computed by the Labour Code and the lunar calendar, and replaced by what was announced. */
class HolidayRulesTest {

    static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final HolidayRules rules = new HolidayRules(MONDAY_TO_FRIDAY, 1, LunarCalendar.vietnam());

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Announcement daysOff(String first, String last, Holiday... holidays) {
        return new Announcement(1, Announcement.Kind.DAYS_OFF, Set.of(holidays), d(first), d(last), "công bố", null,
                "test", Instant.EPOCH);
    }

    static Announcement workingDay(String day) {
        return new Announcement(2, Announcement.Kind.WORKING_DAY, Set.of(), d(day), d(day), "làm bù", null, "test",
                Instant.EPOCH);
    }

    @Test
    void computes2027WithTetOnASaturdayAndItsTwoCompensationDays() {
        YearDays year = rules.year(2027, List.of());
        assertThat(year.daysOff().keySet()).containsExactly(
                d("2027-01-01"),
                // last day of the old year (Fri), 1st (Sat), 2nd (Sun), 3rd, 4th, then two days in lieu
                d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"), d("2027-02-09"),
                d("2027-02-10"), d("2027-02-11"),
                d("2027-04-16"), // Hùng Kings' day, Friday
                d("2027-04-30"), d("2027-05-01"), d("2027-05-03"), // 1 May is a Saturday: Monday off
                d("2027-09-02"), d("2027-09-03")); // Thursday and the adjacent Friday
        assertThat(year.daysOff().get(d("2027-02-10")).compensation()).isTrue();
        assertThat(year.daysOff().get(d("2027-05-03")).holiday()).isEqualTo(Holiday.LABOUR_DAY);
        assertThat(year.daysOff().values()).allMatch(day -> day.announcement() == null);
    }

    @Test
    void computes2029WhenNothingIsAnnounced() {
        YearDays year = rules.year(2029, List.of());
        assertThat(year.daysOff().keySet()).containsExactly(
                d("2029-01-01"),
                d("2029-02-12"), d("2029-02-13"), d("2029-02-14"), d("2029-02-15"), d("2029-02-16"),
                d("2029-04-23"),
                d("2029-04-30"), d("2029-05-01"),
                // 2 September is a Sunday: the adjacent Monday, and Tuesday in lieu of the Sunday
                d("2029-09-02"), d("2029-09-03"), d("2029-09-04"));
    }

    @Test
    void hungKingsDayOnASundayGivesTheMondayOff() {
        YearDays year = rules.year(2026, List.of());
        assertThat(year.daysOff()).containsKeys(d("2026-04-26"), d("2026-04-27"));
        assertThat(year.daysOff().get(d("2026-04-27"))).isEqualTo(
                new OffDay(d("2026-04-27"), Holiday.HUNG_KINGS, true, null));
    }

    @Test
    void aHolidayOnSaturdayAndOneOnSundayGiveMondayAndTuesday() {
        // 30/4/2022 was a Saturday, 1/5/2022 a Sunday: 2 and 3 May were off.
        YearDays year = rules.year(2022, List.of());
        assertThat(year.daysOff()).containsKeys(d("2022-05-02"), d("2022-05-03"));
        assertThat(year.daysOff()).doesNotContainKey(d("2022-05-04"));
    }

    @Test
    void nationalDayHasOneDayBefore2021AndJoinsTheWeekendAfter() {
        assertThat(rules.year(2020, List.of()).daysOff().keySet()).filteredOn(day -> day.getMonthValue() == 9)
                .containsExactly(d("2020-09-02"));
        // 2/9 on Tuesday (2025): Monday 1/9; on Monday (2024): Tuesday 3/9; on Friday (2022): Thursday 1/9;
        // on Saturday (2023): Friday 1/9 and Monday 4/9 in lieu.
        assertThat(september(2025)).containsExactly(d("2025-09-01"), d("2025-09-02"));
        assertThat(september(2024)).containsExactly(d("2024-09-02"), d("2024-09-03"));
        assertThat(september(2022)).containsExactly(d("2022-09-01"), d("2022-09-02"));
        assertThat(september(2023)).containsExactly(d("2023-09-01"), d("2023-09-02"), d("2023-09-04"));
    }

    private List<LocalDate> september(int year) {
        return rules.year(year, List.of()).daysOff().keySet().stream().filter(day -> day.getMonthValue() == 9).toList();
    }

    @Test
    void anAnnouncedRangeReplacesTheComputedDaysOfItsHolidaysOnly() {
        // Tết 2024 as announced: 8–14/2 (computed would be 9–15/2).
        YearDays year = rules.year(2024, List.of(daysOff("2024-02-08", "2024-02-14", Holiday.LUNAR_NEW_YEAR)));
        assertThat(year.daysOff().keySet()).filteredOn(day -> day.getMonthValue() == 2).containsExactly(
                d("2024-02-08"), d("2024-02-09"), d("2024-02-10"), d("2024-02-11"), d("2024-02-12"),
                d("2024-02-13"), d("2024-02-14"));
        assertThat(year.daysOff().get(d("2024-02-10")).announcement()).isNotNull();
        assertThat(year.daysOff()).containsKey(d("2024-04-18")); // Hùng Kings' day still computed
    }

    @Test
    void swappedWorkingDaysAreNotDaysOffAndRangesSpanningTwoHolidaysReplaceBoth() {
        YearDays year = rules.year(2025, List.of(
                daysOff("2025-04-30", "2025-05-04", Holiday.VICTORY_DAY, Holiday.LABOUR_DAY),
                workingDay("2025-04-26")));
        assertThat(year.daysOff().keySet()).filteredOn(day -> day.getMonthValue() == 5)
                .containsExactly(d("2025-05-01"), d("2025-05-02"), d("2025-05-03"), d("2025-05-04"));
        assertThat(year.workedRestDays()).containsExactly(d("2025-04-26"));
    }

    @Test
    void newYearAnnouncedFromTheLastDayOfDecemberBelongsToTheNextYear() {
        List<Announcement> announced = List.of(daysOff("2022-12-31", "2023-01-02", Holiday.NEW_YEAR));
        assertThat(rules.year(2022, announced).daysOff()).containsKey(d("2022-12-31"));
        YearDays year2023 = rules.year(2023, announced);
        assertThat(year2023.daysOff()).containsKeys(d("2023-01-01"), d("2023-01-02"));
        assertThat(year2023.daysOff()).doesNotContainKey(d("2023-01-03")); // no computed day in lieu any more
    }

    @Test
    void twoDaysOfTetBeforeTheNewYearIsASetting() {
        HolidayRules twoBefore = new HolidayRules(MONDAY_TO_FRIDAY, 2, LunarCalendar.vietnam());
        assertThat(twoBefore.year(2029, List.of()).daysOff().keySet()).filteredOn(day -> day.getMonthValue() == 2)
                .containsExactly(d("2029-02-11"), d("2029-02-12"), d("2029-02-13"), d("2029-02-14"), d("2029-02-15"),
                        d("2029-02-16")); // 11/2 is a Sunday: Friday 16/2 in lieu
    }
}
