package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dvc.calendar.HolidayRules.YearDays;

/**
 * The deadline rules on concrete dates of 2021, with Tết 2021 as announced (10–16/2) and the default
 * working hours 07:00–11:30, 13:30–17:00.
 */
class DeadlineRulesTest {

    static final WorkingHours HOURS = WorkingHours.parse("07:00-11:30", "13:30-17:00");

    private final YearDays year2021 = new HolidayRules(HolidayRulesTest.MONDAY_TO_FRIDAY, 1, LunarCalendar.vietnam())
            .year(2021, List.of(HolidayRulesTest.daysOff("2021-02-10", "2021-02-16", Holiday.LUNAR_NEW_YEAR)));
    private final DeadlineRules rules = new DeadlineRules(
            day -> !year2021.daysOff().containsKey(day) && day.getDayOfWeek().getValue() <= 5, LocalTime.of(15, 0), true);

    static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void fiveWorkingDaysFromFridayAfternoonSkipTet() {
        // Received Friday 5/2 at 16:30 (within hours); not counted: Mon 8, Tue 9, [Tết 10–16], Wed 17, Thu 18, Fri 19.
        LocalDateTime start = rules.effectiveReceipt(t("2021-02-05T16:30"), HOURS, true);
        assertThat(start).isEqualTo(t("2021-02-05T16:30"));
        assertThat(rules.due(start, 5, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-19T17:00"));
    }

    @Test
    void onlineOutsideWorkingHoursCountsFromTheNextWorkingTime() {
        assertThat(rules.effectiveReceipt(t("2021-02-05T17:00"), HOURS, true)).isEqualTo(t("2021-02-08T07:00"));
        assertThat(rules.effectiveReceipt(t("2021-02-06T09:00"), HOURS, true)).isEqualTo(t("2021-02-08T07:00"));
        assertThat(rules.effectiveReceipt(t("2021-02-09T06:15"), HOURS, true)).isEqualTo(t("2021-02-09T07:00"));
        assertThat(rules.effectiveReceipt(t("2021-02-09T12:00"), HOURS, true)).isEqualTo(t("2021-02-09T13:30"));
        assertThat(rules.effectiveReceipt(t("2021-02-09T17:30"), HOURS, true)).isEqualTo(t("2021-02-17T07:00"));
        // at the counter the receipt is what it is
        assertThat(rules.effectiveReceipt(t("2021-02-06T09:00"), HOURS, false)).isEqualTo(t("2021-02-06T09:00"));
    }

    @Test
    void theOnlineRuleIsASetting() {
        DeadlineRules off = new DeadlineRules(day -> true, LocalTime.of(15, 0), false);
        assertThat(off.effectiveReceipt(t("2021-02-06T09:00"), HOURS, true)).isEqualTo(t("2021-02-06T09:00"));
    }

    @Test
    void aSaturdayOnlineSubmissionStartsOnMonday() {
        LocalDateTime start = rules.effectiveReceipt(t("2021-02-06T09:00"), HOURS, true);
        // Monday 8/2 is the day of receipt: Tue 9, Wed 17, Thu 18, Fri 19, Mon 22.
        assertThat(rules.due(start, 5, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-22T17:00"));
        // the same Saturday at a counter: Mon 8, Tue 9, Wed 17, Thu 18, Fri 19
        assertThat(rules.due(t("2021-02-06T09:00"), 5, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-19T17:00"));
    }

    @Test
    void aSameDayProcedureAfterThreeIsDueTheNextWorkingDay() {
        assertThat(rules.due(t("2021-02-08T15:00"), 0, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-08T17:00"));
        assertThat(rules.due(t("2021-02-08T15:01"), 0, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-09T17:00"));
        assertThat(rules.due(t("2021-02-09T16:00"), 0, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-17T17:00"));
        // received on a day off at a counter: the next working day
        assertThat(rules.due(t("2021-02-13T09:00"), 0, TimeUnitKind.DAYS, HOURS)).isEqualTo(t("2021-02-17T17:00"));
    }

    @Test
    void workingHoursCountOnlyWorkingTime() {
        // Friday 16:30 + 4 h: 30 min on Friday, then 3 h 30 from Monday 07:00.
        assertThat(rules.due(t("2021-02-05T16:30"), 4, TimeUnitKind.HOURS, HOURS)).isEqualTo(t("2021-02-08T10:30"));
        // + 8 h: 30 min Friday, 4 h 30 Monday morning, 3 h Monday afternoon
        assertThat(rules.due(t("2021-02-05T16:30"), 8, TimeUnitKind.HOURS, HOURS)).isEqualTo(t("2021-02-08T16:30"));
        // ending exactly at the end of the morning stays there
        assertThat(rules.addWorkingTime(t("2021-02-08T07:00"), Duration.ofMinutes(270), HOURS))
                .isEqualTo(t("2021-02-08T11:30"));
        // Tuesday 9/2 at 16:00 + 2 h: 1 h on Tuesday, then Tết; 1 h on Wednesday 17/2
        assertThat(rules.due(t("2021-02-09T16:00"), 2, TimeUnitKind.HOURS, HOURS)).isEqualTo(t("2021-02-17T08:00"));
    }

    @Test
    void measuresWorkingTimeAndWorkingDaysBetweenTwoMoments() {
        assertThat(rules.workingTimeBetween(t("2021-02-05T16:30"), t("2021-02-08T10:30"), HOURS))
                .isEqualTo(Duration.ofHours(4));
        assertThat(rules.workingTimeBetween(t("2021-02-08T10:30"), t("2021-02-05T16:30"), HOURS))
                .isEqualTo(Duration.ofHours(-4));
        assertThat(rules.workingTimeBetween(t("2021-02-09T12:00"), t("2021-02-17T07:00"), HOURS))
                .isEqualTo(Duration.ofMinutes(210));
        // a result due Friday 19/2 and returned Tuesday 23/2 is two working days late
        assertThat(rules.workingDaysBetween(LocalDate.parse("2021-02-19"), LocalDate.parse("2021-02-23"))).isEqualTo(2);
        assertThat(rules.workingDaysBetween(LocalDate.parse("2021-02-23"), LocalDate.parse("2021-02-19"))).isEqualTo(-2);
        assertThat(rules.workingDaysBetween(LocalDate.parse("2021-02-09"), LocalDate.parse("2021-02-17"))).isEqualTo(1);
        assertThat(rules.addWorkingDays(LocalDate.parse("2021-02-09"), 1)).isEqualTo(LocalDate.parse("2021-02-17"));
    }

    @Test
    void anAgencyWithOtherHoursClosesAtItsOwnTime() {
        WorkingHours commune = WorkingHours.parse("07:30-11:30", "13:00-17:00");
        assertThat(rules.due(t("2021-02-05T16:30"), 1, TimeUnitKind.DAYS, commune)).isEqualTo(t("2021-02-08T17:00"));
        assertThat(rules.effectiveReceipt(t("2021-02-08T12:30"), commune, true)).isEqualTo(t("2021-02-08T13:00"));
        assertThat(rules.effectiveReceipt(t("2021-02-08T07:15"), commune, true)).isEqualTo(t("2021-02-08T07:30"));
        assertThat(commune.perDay()).isEqualTo(Duration.ofHours(8));
    }
}
