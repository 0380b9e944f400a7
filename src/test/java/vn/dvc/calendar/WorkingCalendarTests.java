package vn.dvc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.dvc.IntegrationTest;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;

/** The calendar as other modules use it, on the real announced data of the migration. */
@IntegrationTest
class WorkingCalendarTests {

    @Autowired
    WorkingCalendar calendar;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static ZonedDateTime vn(String localIso) {
        return LocalDateTime.parse(localIso).atOffset(ZoneOffset.ofHours(7)).toZonedDateTime();
    }

    private List<LocalDate> daysOff(int year, int month) {
        return calendar.daysOff(year).stream().map(DayOff::date).filter(day -> day.getMonthValue() == month).toList();
    }

    private List<LocalDate> range(String first, String last) {
        return d(first).datesUntil(d(last).plusDays(1)).toList();
    }

    @Test
    void theOfficialTetRangesAreTheDaysOff() {
        assertThat(daysOff(2020, 1)).containsSequence(range("2020-01-23", "2020-01-29"));
        assertThat(daysOff(2020, 1)).doesNotContain(d("2020-01-30")); // computed would have given Thursday 30/1
        assertThat(daysOff(2021, 2)).containsExactlyElementsOf(range("2021-02-10", "2021-02-16"));
        assertThat(daysOff(2024, 2)).containsExactlyElementsOf(range("2024-02-08", "2024-02-14"));
        assertThat(daysOff(2025, 1)).containsSequence(range("2025-01-25", "2025-01-31"));
        assertThat(daysOff(2025, 2)).containsExactly(d("2025-02-01"), d("2025-02-02"));
        assertThat(daysOff(2026, 2)).containsExactlyElementsOf(range("2026-02-14", "2026-02-22"));
        assertThat(calendar.daysOff(2026)).filteredOn(day -> day.date().equals(d("2026-02-17")))
                .singleElement().satisfies(day -> {
                    assertThat(day.reason()).isEqualTo("Tết Âm lịch Bính Ngọ");
                    assertThat(day.announced()).isTrue();
                });
        assertThat(range("2026-02-16", "2026-02-20")).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(d("2026-02-23"))).isTrue();
    }

    @Test
    void theOfficialHolidaysOfAprilMayAndSeptember() {
        assertThat(daysOff(2021, 4)).containsExactly(d("2021-04-21"), d("2021-04-30"));
        assertThat(daysOff(2021, 5)).containsExactly(d("2021-05-01"), d("2021-05-03")); // Monday 3/5 in lieu
        assertThat(daysOff(2021, 9)).containsExactly(d("2021-09-02"), d("2021-09-03"));
        assertThat(daysOff(2024, 9)).containsExactlyElementsOf(range("2024-09-01", "2024-09-03"));
        assertThat(daysOff(2024, 8)).containsExactly(d("2024-08-31"));
        assertThat(daysOff(2025, 4)).containsExactly(d("2025-04-07"), d("2025-04-30"));
        assertThat(daysOff(2025, 9)).containsExactly(d("2025-09-01"), d("2025-09-02"));
        // Hùng Kings' day 2026 is a Sunday (not announced): Monday 27/4 in lieu
        assertThat(calendar.daysOff(2026)).filteredOn(day -> day.date().equals(d("2026-04-27")))
                .singleElement().satisfies(day -> {
                    assertThat(day.reason()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
                    assertThat(day.compensation()).isTrue();
                    assertThat(day.announced()).isFalse();
                });
    }

    @Test
    void theContractExampleSkipsTet2021() {
        // Friday 5/2/2021 16:30 online (within working hours), 5 working days, Tết 10–16/2:
        // Mon 8, Tue 9, Wed 17, Thu 18, Fri 19 at the close of work.
        Deadline deadline = calendar.due(vn("2021-02-05T16:30"), 5, TimeUnitKind.DAYS, null, true);
        assertThat(deadline.effectiveReceivedAt()).isEqualTo(vn("2021-02-05T16:30"));
        assertThat(deadline.dueAt()).isEqualTo(vn("2021-02-19T17:00"));
        assertThat(deadline.dueAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(deadline.isLate(vn("2021-02-19T16:59"))).isFalse();
        assertThat(deadline.isLate(vn("2021-02-19T17:01"))).isTrue();
    }

    @Test
    void aSameDayProcedureReceivedAfterThreeIsDueTheNextWorkingDay() {
        // Thursday 15/4/2027 at 15:30; Friday 16/4/2027 is Hùng Kings' day (computed): Monday 19/4.
        assertThat(calendar.due(LocalDateTime.parse("2027-04-15T15:30"), 0, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2027-04-19T17:00"));
        assertThat(calendar.due(LocalDateTime.parse("2027-04-15T14:59"), 0, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2027-04-15T17:00"));
    }

    @Test
    void aSaturdayOnlineSubmissionCountsFromMonday() {
        Deadline deadline = calendar.due(vn("2021-01-09T10:00"), 3, TimeUnitKind.DAYS, null, true);
        assertThat(deadline.effectiveReceivedAt()).isEqualTo(vn("2021-01-11T07:00"));
        assertThat(deadline.dueAt()).isEqualTo(vn("2021-01-14T17:00"));
        // at the counter the same Saturday: Monday is day 1
        assertThat(calendar.due(vn("2021-01-09T10:00"), 3, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2021-01-13T17:00"));
    }

    @Test
    void theSwappedSaturdayOf2024IsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2024-05-04"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2024-04-29"))).isFalse();
        // Friday 26/4/2024, 3 working days: [27/4–1/5 off], Thu 2/5, Fri 3/5, Sat 4/5
        assertThat(calendar.due(vn("2024-04-26T10:00"), 3, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2024-05-04T17:00"));
        assertThat(calendar.daysOff(2024)).extracting(DayOff::date).doesNotContain(d("2024-05-04"));
    }

    @Test
    void in2025FridayTheSecondOfMayIsOffAndSaturdayTheTwentySixthOfAprilWorked() {
        assertThat(calendar.isWorkingDay(d("2025-05-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-04-26"))).isTrue();
        assertThat(calendar.due(vn("2025-04-25T10:00"), 1, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2025-04-26T17:00"));
        // Tuesday 29/4/2025, 2 working days: [30/4–4/5 off], Mon 5/5, Tue 6/5
        assertThat(calendar.due(vn("2025-04-29T10:00"), 2, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2025-05-06T17:00"));
    }

    @Test
    void aYearWithNothingAnnouncedUsesTheLunarCalendar() {
        // Tết 2029 starts Tuesday 13/2: Monday 12/2 (last day of the old year) to Friday 16/2 are off.
        assertThat(daysOff(2029, 2)).containsExactlyElementsOf(range("2029-02-12", "2029-02-16"));
        assertThat(calendar.daysOff(2029)).filteredOn(day -> day.date().getMonthValue() == 2)
                .allMatch(day -> !day.announced() && day.reason().equals("Tết Âm lịch"));
        assertThat(calendar.due(vn("2029-02-09T10:00"), 3, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2029-02-21T17:00"));
        assertThat(daysOff(2029, 4)).containsExactly(d("2029-04-23"), d("2029-04-30"));
    }

    @Test
    void workingHoursPeriodsAndHelpers() {
        Deadline deadline = calendar.due(vn("2021-02-05T16:30"), 4, TimeUnitKind.HOURS, null, true);
        assertThat(deadline.dueAt()).isEqualTo(vn("2021-02-08T10:30"));
        assertThat(calendar.workingTimeBetween(vn("2021-02-05T16:30"), vn("2021-02-08T10:30"), null))
                .isEqualTo(Duration.ofHours(4));
        assertThat(calendar.addWorkingTime(vn("2021-02-09T16:00"), calendar.workingDay(), null))
                .isEqualTo(vn("2021-02-17T16:00"));
        assertThat(calendar.workingDaysBetween(d("2021-02-19"), d("2021-02-23"))).isEqualTo(2);
        assertThat(calendar.addWorkingDays(d("2021-02-09"), 1)).isEqualTo(d("2021-02-17"));
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aSupplementPauseCountsWholeMinutesAndAPeriodInDaysStillEndsAtTheCloseOfADay() {
        // 09:00:40 to 10:05:10 on a Monday: 64 minutes and a half, counted as 64.
        assertThat(calendar.pausedTime(vn("2021-03-01T09:00:40"), vn("2021-03-01T10:05:10"), null))
                .isEqualTo(Duration.ofMinutes(64));
        // Over the lunch break and the night only working time counts; backwards is no pause.
        assertThat(calendar.pausedTime(vn("2021-03-01T16:30"), vn("2021-03-02T07:30"), null))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(calendar.pausedTime(vn("2021-03-02T07:30"), vn("2021-03-01T16:30"), null)).isZero();

        // A 5-day dossier due Friday 5/3/2021 at the close: three hours of waiting make it due Monday at the close
        // (not Monday 10:00), a whole working day Monday at the close, a minute more Tuesday at the close.
        assertThat(calendar.dueAfterPause(vn("2021-03-05T17:00"), Duration.ofHours(3), null))
                .isEqualTo(vn("2021-03-08T17:00"));
        assertThat(calendar.dueAfterPause(vn("2021-03-05T17:00"), Duration.ofHours(8), null))
                .isEqualTo(vn("2021-03-08T17:00"));
        assertThat(calendar.dueAfterPause(vn("2021-03-05T17:00"), Duration.ofMinutes(8 * 60 + 1), null))
                .isEqualTo(vn("2021-03-09T17:00"));
        // Due the day before Tết 2021 (10–16/2): the next working day is Wednesday 17/2.
        assertThat(calendar.dueAfterPause(vn("2021-02-09T17:00"), Duration.ofMinutes(1), null))
                .isEqualTo(vn("2021-02-17T17:00"));
        // A period in hours moves by exactly the working minutes waited, over the lunch break.
        assertThat(calendar.dueAfterPause(vn("2021-03-05T10:30"), Duration.ofHours(2), null))
                .isEqualTo(vn("2021-03-05T14:30"));
        assertThat(calendar.dueAfterPause(vn("2021-03-05T10:30"), Duration.ZERO, null))
                .isEqualTo(vn("2021-03-05T10:30"));
    }

    @Test
    void aPeriodRunningPastTheLastYearIsRefusedAsSuchNotAnsweredWithAGuess() {
        // Within the range, years without announcements use the computed holidays.
        assertThat(calendar.due(vn("2100-12-01T08:00"), 5, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2100-12-08T17:00"));
        assertThat(calendar.due(vn("2100-12-28T08:00"), 3, TimeUnitKind.DAYS, null, false).dueAt())
                .isEqualTo(vn("2100-12-31T17:00"));
        // One more day needs 2101, which the calendar does not answer: a conflict naming the range and the year,
        // not "the year must be between 2013 and 2100" about a receipt in 2100.
        assertThatThrownBy(() -> calendar.due(vn("2100-12-28T08:00"), 4, TimeUnitKind.DAYS, null, false))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("calendar.beyond-range");
                    assertThat(e.args()).containsExactly("2013", "2100", "2101");
                });
        assertThatThrownBy(() -> calendar.addWorkingTime(vn("2100-12-31T16:00"), Duration.ofHours(2), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesNegativePeriodsAndYearsOutOfRange() {
        assertThatThrownBy(() -> calendar.due(vn("2027-01-04T08:00"), -1, TimeUnitKind.DAYS, null, true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.due(vn("2027-01-04T08:00"), 0, TimeUnitKind.HOURS, null, true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.daysOff(2101)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.daysOff(2012)).isInstanceOf(InvalidInputException.class);
    }
}
