package vn.dvc.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.dvc.identity.CurrentUser;
import vn.dvc.organisation.Agencies;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnameseText;

/**
 * Changes to the calendar by the provincial coordinator or the system administrator: entering a range
 * of days off the government announced, a weekly rest day it made a working day, removing either, and
 * setting an agency's own working hours. Input is checked field by field (nothing changes when any
 * check fails) and every change is recorded in {@code calendar_change} with who and when.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('PROVINCIAL_COORDINATOR', 'SYSTEM_ADMIN')")
class CalendarAdministration {

    static final int REASON_MAX = 200;
    static final int SOURCE_MAX = 300;
    /** The longest announced range (Tết 2025 was nine days). */
    static final int RANGE_MAX_DAYS = 15;
    /** An announced range must come within this many days of the legal day of each holiday it is for. */
    static final int NEAR_HOLIDAY_DAYS = 14;
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final CalendarAnnouncements announcements;
    private final AgencyWorkingHours agencyHours;
    private final WorkingCalendar calendar;
    private final Agencies agencies;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LunarCalendar lunar = LunarCalendar.vietnam();

    CalendarAdministration(CalendarAnnouncements announcements, AgencyWorkingHours agencyHours,
            WorkingCalendar calendar, Agencies agencies, CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
        this.announcements = announcements;
        this.agencyHours = agencyHours;
        this.calendar = calendar;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A range of days off as typed in the form. */
    record DaysOffRequest(String firstDay, String lastDay, List<String> holidays, String reason, String source) {
    }

    /** A weekly rest day worked, as typed in the form. */
    record WorkingDayRequest(String day, String workingReason, String workingSource) {
    }

    /** An agency's working hours as typed in the form ({@code HH:mm}). */
    record HoursRequest(String agencyCode, String morningStart, String morningEnd, String afternoonStart,
            String afternoonEnd) {
    }

    /** One line of the audit. */
    record Change(String action, LocalDate firstDay, LocalDate lastDay, String agencyCode, String detail,
            String actor, Instant recordedAt) {
    }

    Announcement announceDaysOff(DaysOffRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = date("firstDay", request.firstDay(), problems);
        LocalDate last = date("lastDay", request.lastDay(), problems);
        Set<Holiday> holidays = holidays(request.holidays(), problems);
        String reason = text("reason", request.reason(), REASON_MAX, true, problems);
        String source = text("source", request.source(), SOURCE_MAX, false, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("lastDay", "calendar.validation.order"));
            } else if (ChronoUnit.DAYS.between(first, last) >= RANGE_MAX_DAYS) {
                problems.add(new FieldProblem("lastDay", "calendar.validation.range-too-long", RANGE_MAX_DAYS));
            } else {
                checkNearHolidays(first, last, holidays, problems);
                announcements.overlapping(first, last).stream()
                        .filter(a -> a.kind() == Announcement.Kind.WORKING_DAY).findFirst()
                        .ifPresent(a -> problems.add(new FieldProblem("firstDay",
                                "calendar.validation.contains-working-day", shown(a.firstDay()))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean duplicate = announcements.overlapping(first, last).stream()
                .anyMatch(a -> a.kind() == Announcement.Kind.DAYS_OFF && a.firstDay().equals(first)
                        && a.lastDay().equals(last) && a.holidays().equals(holidays));
        if (duplicate) {
            throw new ConflictException("calendar.conflict.days-off", shown(first), shown(last));
        }
        Announcement added = add(new Announcement(0, Announcement.Kind.DAYS_OFF, holidays, first, last, reason,
                source, currentUser.actor(), clock.instant()));
        audit("DAYS_OFF_ADDED", first, last, null, describe(added));
        return added;
    }

    Announcement announceWorkingDay(WorkingDayRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = date("day", request.day(), problems);
        String reason = text("workingReason", request.workingReason(), REASON_MAX, true, problems);
        String source = text("workingSource", request.workingSource(), SOURCE_MAX, false, problems);
        List<Announcement> sameDay = day == null ? List.of() : announcements.overlapping(day, day);
        if (day != null) {
            if (!calendar.rules().isWeeklyRestDay(day)) {
                problems.add(new FieldProblem("day", "calendar.validation.not-rest-day", shown(day)));
            } else {
                sameDay.stream().filter(a -> a.kind() == Announcement.Kind.DAYS_OFF).findFirst()
                        .ifPresent(a -> problems.add(new FieldProblem("day", "calendar.validation.inside-days-off",
                                shown(day), shown(a.firstDay()), shown(a.lastDay()))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (sameDay.stream().anyMatch(a -> a.kind() == Announcement.Kind.WORKING_DAY)) {
            throw new ConflictException("calendar.conflict.working-day", shown(day));
        }
        Announcement added = add(new Announcement(0, Announcement.Kind.WORKING_DAY, Set.of(), day, day, reason,
                source, currentUser.actor(), clock.instant()));
        audit("WORKING_DAY_ADDED", day, day, null, describe(added));
        return added;
    }

    /** Removes an announcement; the computed days of its holidays apply again. */
    Announcement remove(long id) {
        Announcement removed = announcements.find(id)
                .orElseThrow(() -> new NotFoundException("calendar.announcement.not-found", String.valueOf(id)));
        announcements.remove(id);
        audit(removed.kind() == Announcement.Kind.DAYS_OFF ? "DAYS_OFF_REMOVED" : "WORKING_DAY_REMOVED",
                removed.firstDay(), removed.lastDay(), null, describe(removed));
        forgetAfterCommit();
        return removed;
    }

    WorkingHours setHours(HoursRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = request.agencyCode() == null ? "" : request.agencyCode().strip();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("agencyCode", "validation.required"));
        } else if (agencies.find(code).isEmpty()) {
            problems.add(new FieldProblem("agencyCode", "calendar.validation.agency", code));
        }
        LocalTime morningStart = time("morningStart", request.morningStart(), problems);
        LocalTime morningEnd = time("morningEnd", request.morningEnd(), problems);
        LocalTime afternoonStart = time("afternoonStart", request.afternoonStart(), problems);
        LocalTime afternoonEnd = time("afternoonEnd", request.afternoonEnd(), problems);
        WorkingHours hours = null;
        if (morningStart != null && morningEnd != null && afternoonStart != null && afternoonEnd != null) {
            try {
                hours = new WorkingHours(morningStart, morningEnd, afternoonStart, afternoonEnd);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("morningStart", "calendar.validation.hours-order"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        agencyHours.set(code, hours, currentUser.actor(), clock.instant());
        audit("HOURS_SET", null, null, code, hours.toString());
        forgetAfterCommit();
        return hours;
    }

    void removeHours(String agencyCode) {
        if (!agencyHours.remove(agencyCode)) {
            throw new NotFoundException("calendar.hours.not-found", agencyCode);
        }
        audit("HOURS_REMOVED", null, null, agencyCode, calendar.workingHours(null).toString());
        forgetAfterCommit();
    }

    @Transactional(readOnly = true)
    List<Announcement> announcements(int year) {
        return announcements.overlapping(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Transactional(readOnly = true)
    Map<String, WorkingHours> agencyHours() {
        return agencyHours.all();
    }

    @Transactional(readOnly = true)
    List<Change> recentChanges(int limit) {
        return jdbc.sql("""
                        select action, first_day, last_day, agency_code, detail, actor, recorded_at
                        from calendar_change order by recorded_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, row) -> new Change(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    private Announcement add(Announcement announcement) {
        long id = announcements.add(announcement);
        forgetAfterCommit();
        return new Announcement(id, announcement.kind(), announcement.holidays(), announcement.firstDay(),
                announcement.lastDay(), announcement.reason(), announcement.source(), announcement.recordedBy(),
                announcement.recordedAt());
    }

    /** A range for a holiday must come near that holiday's legal day in its year: catches a wrong year. */
    private void checkNearHolidays(LocalDate first, LocalDate last, Set<Holiday> holidays, List<FieldProblem> problems) {
        for (Holiday holiday : holidays) {
            LocalDate legal = holiday.legalDay(last.getYear(), lunar);
            if (legal != null && (first.isAfter(legal.plusDays(NEAR_HOLIDAY_DAYS))
                    || last.isBefore(legal.minusDays(NEAR_HOLIDAY_DAYS)))) {
                problems.add(new FieldProblem("holidays", "calendar.validation.far-from-holiday",
                        new DefaultMessageSourceResolvable("calendar.holiday." + holiday), shown(legal)));
            }
        }
    }

    private void audit(String action, LocalDate first, LocalDate last, String agencyCode, String detail) {
        jdbc.sql("""
                        insert into calendar_change(action, first_day, last_day, agency_code, detail, actor, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(action, first, last, agencyCode, detail, currentUser.actor(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The calendar read before this change must not outlive it; forgotten once the change is committed. */
    private void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.forget();
                }
            });
        } else {
            calendar.forget();
        }
    }

    private static String describe(Announcement a) {
        String holidays = a.holidays().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        return (holidays.isEmpty() ? "" : holidays + ": ") + a.reason()
                + (a.source() == null ? "" : " (" + a.source() + ")");
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        LocalDate day;
        try {
            String typed = value.strip();
            day = typed.contains("/") ? LocalDate.parse(typed, TYPED_DATE) : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "calendar.validation.date"));
            return null;
        }
        if (!HolidayRules.supports(day.getYear())) {
            problems.add(new FieldProblem(field, "calendar.validation.year", String.valueOf(WorkingCalendar.FIRST_YEAR),
                    String.valueOf(WorkingCalendar.LAST_YEAR)));
            return null;
        }
        return day;
    }

    private static LocalTime time(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "calendar.validation.time"));
            return null;
        }
    }

    private static Set<Holiday> holidays(List<String> values, List<FieldProblem> problems) {
        Set<Holiday> holidays = EnumSet.noneOf(Holiday.class);
        for (String value : values == null ? List.<String>of() : values) {
            try {
                holidays.add(Holiday.valueOf(value.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("holidays", "calendar.validation.holidays"));
                return holidays;
            }
        }
        if (holidays.isEmpty()) {
            problems.add(new FieldProblem("holidays", "calendar.validation.holidays"));
        }
        return holidays;
    }

    private static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        String text = VietnameseText.nfc(value);
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "validation.too-long", max));
            return null;
        }
        return text;
    }

    private static String shown(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
