package vn.dvc.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.dvc.calendar.HolidayRules.OffDay;
import vn.dvc.calendar.HolidayRules.YearDays;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.VietnamTime;

/**
 * The working-day calendar other modules compute deadlines with (RULES.md §3). A day is a working day
 * when it is in the working week and not a day off, or when the government made a weekly rest day a
 * working day. Days off are the public holidays with their compensation days, computed (with the
 * Vietnamese lunar calendar for Tết and Hùng Kings' day) unless the government's announced ranges for
 * that holiday and year replace them. Times are Vietnam times; an unknown or {@code null} agency code
 * has the default working hours.
 *
 * <p>The calendar of a year is read once and kept for {@code app.calendar.refresh}; a change made on
 * this instance applies at once.
 */
@Service
@EnableConfigurationProperties(CalendarSettings.class)
public class WorkingCalendar {

    /** The years the calendar answers for (the five-day Tết of the Labour Code 2012 onwards). */
    public static final int FIRST_YEAR = HolidayRules.FIRST_YEAR;
    public static final int LAST_YEAR = HolidayRules.LAST_YEAR;
    /** The longest period accepted, in working days, and in working hours. */
    public static final int MAX_DAYS = 1000;
    public static final int MAX_HOURS = 8000;

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final CalendarAnnouncements announcements;
    private final AgencyWorkingHours agencyHours;
    private final MessageSource messages;
    private final Clock clock;
    private final CalendarSettings settings;
    private final HolidayRules holidays;
    private final DeadlineRules deadlines;
    private final WorkingHours defaultHours;
    private final Map<Integer, Kept<YearDays>> years = new ConcurrentHashMap<>();
    private volatile Kept<Map<String, WorkingHours>> hours;

    private record Kept<T>(T value, Instant readAt) {
    }

    WorkingCalendar(CalendarAnnouncements announcements, AgencyWorkingHours agencyHours, MessageSource messages,
            Clock clock, CalendarSettings settings) {
        this.announcements = announcements;
        this.agencyHours = agencyHours;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
        this.holidays = new HolidayRules(settings.workingWeek(), settings.lunarNewYearDaysBefore(),
                LunarCalendar.vietnam());
        this.deadlines = new DeadlineRules(this::isWorkingDay, settings.cutoff(),
                settings.onlineOutsideHoursNextWorkingTime());
        this.defaultHours = settings.defaultHours();
        if (!defaultHours.perDay().equals(workingDay())) {
            log.warn("The default working hours ({}) do not add up to one working day of {} hours",
                    defaultHours, settings.workingDayHours());
        }
    }

    /**
     * The deadline of a period that starts with a receipt.
     *
     * @param receivedAt when the dossier was received (any zone; the rules apply in Vietnam time)
     * @param amount the length of the period, 0 for a same-day procedure (days only)
     * @param agencyCode the agency whose working hours apply; {@code null} for the default hours
     * @param online received through the portal (then a receipt outside working time counts from the
     *        next working time)
     * @throws InvalidInputException for a negative or too long period, 0 hours, or a year of receipt out of range
     * @throws ConflictException ({@code calendar.beyond-range}) when the period runs past {@link #LAST_YEAR}
     */
    public Deadline due(ZonedDateTime receivedAt, int amount, TimeUnitKind unit, String agencyCode, boolean online) {
        return due(receivedAt.withZoneSameInstant(VietnamTime.ZONE).toLocalDateTime(), amount, unit, agencyCode,
                online);
    }

    /** As {@link #due(ZonedDateTime, int, TimeUnitKind, String, boolean)}, for a Vietnam local time. */
    public Deadline due(LocalDateTime receivedAt, int amount, TimeUnitKind unit, String agencyCode, boolean online) {
        checkPeriod(amount, unit);
        checkYear(receivedAt.getYear());
        WorkingHours agency = workingHours(agencyCode);
        LocalDateTime start = deadlines.effectiveReceipt(receivedAt, agency, online);
        LocalDateTime due = deadlines.due(start, amount, unit, agency);
        return new Deadline(start.atZone(VietnamTime.ZONE), due.atZone(VietnamTime.ZONE));
    }

    /** True when agencies work on {@code day}. */
    public boolean isWorkingDay(LocalDate day) {
        YearDays year = year(day.getYear());
        if (year.workedRestDays().contains(day)) {
            return true;
        }
        return !year.daysOff().containsKey(day) && !holidays.isWeeklyRestDay(day);
    }

    /** The {@code days}-th working day after {@code day} (which is not counted). */
    public LocalDate addWorkingDays(LocalDate day, int days) {
        return deadlines.addWorkingDays(day, days);
    }

    /**
     * The working days in (fromExclusive, toInclusive], e.g. how many working days late a result
     * returned on {@code toInclusive} is against a due date {@code fromExclusive}; negative when
     * {@code toInclusive} comes first.
     */
    public long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return deadlines.workingDaysBetween(fromExclusive, toInclusive);
    }

    /** The agency's working time between two moments (e.g. time used, or left before a due time); signed. */
    public Duration workingTimeBetween(ZonedDateTime from, ZonedDateTime to, String agencyCode) {
        return deadlines.workingTimeBetween(local(from), local(to), workingHours(agencyCode));
    }

    /** The moment when {@code workingTime} of the agency's working time has passed after {@code from}. */
    public ZonedDateTime addWorkingTime(ZonedDateTime from, Duration workingTime, String agencyCode) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time cannot be negative");
        }
        return deadlines.addWorkingTime(local(from), workingTime, workingHours(agencyCode)).atZone(VietnamTime.ZONE);
    }

    /**
     * The agency's working time a dossier waited between two moments (a supplement asked and answered), in whole
     * minutes: a started minute does not count (the forms state times to the minute, and the agency never gains
     * more than it waited). Zero when {@code to} is not after {@code from}. ADR 0027.
     */
    public Duration pausedTime(ZonedDateTime from, ZonedDateTime to, String agencyCode) {
        Duration waited = workingTimeBetween(from, to, agencyCode).truncatedTo(ChronoUnit.MINUTES);
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    /**
     * The due time of a dossier after a pause of {@code paused} working time (RULES.md §2: the clock does not run
     * while the agency waits). A due time at the close of the agency's working hours ends a period counted in days,
     * which ends at the close of its last working day (RULES.md §3, Civil Code 2015 art. 148): the moved due time is
     * the close of the working day the shifted time falls on. Any other due time (a period in hours) moves by
     * exactly {@code paused}. ADR 0027.
     */
    public ZonedDateTime dueAfterPause(ZonedDateTime due, Duration paused, String agencyCode) {
        if (paused.isZero()) {
            return due.withZoneSameInstant(VietnamTime.ZONE);
        }
        ZonedDateTime moved = addWorkingTime(due, paused, agencyCode);
        LocalTime closes = workingHours(agencyCode).closesAt();
        if (local(due).toLocalTime().equals(closes)) {
            return moved.toLocalDate().atTime(closes).atZone(VietnamTime.ZONE);
        }
        return moved;
    }

    /** The agency's working hours: its own if set by an administrator, otherwise the default. */
    public WorkingHours workingHours(String agencyCode) {
        if (agencyCode == null) {
            return defaultHours;
        }
        Kept<Map<String, WorkingHours>> kept = hours;
        if (kept == null || stale(kept)) {
            kept = new Kept<>(Map.copyOf(agencyHours.all()), clock.instant());
            hours = kept;
        }
        return kept.value().getOrDefault(agencyCode, defaultHours);
    }

    /** One working day in working hours (8 by default), to turn a budget in days into working time. */
    public Duration workingDay() {
        return Duration.ofHours(settings.workingDayHours());
    }

    /**
     * The days off of a year in date order: holidays (also those on a weekly rest day), compensation
     * days and every day of an announced range, without the weekly rest days made working days.
     * Ordinary weekly rest days are not listed.
     *
     * @throws InvalidInputException for a year outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}
     */
    public List<DayOff> daysOff(int year) {
        checkYear(year);
        return year(year).daysOff().values().stream()
                .map(d -> new DayOff(d.date(), reason(d), d.compensation(), d.announcement() != null))
                .toList();
    }

    /** Forgets what was read, after an administrator changed the calendar or an agency's hours. */
    void forget() {
        years.clear();
        hours = null;
    }

    /** The rules, for the administration's checks. */
    HolidayRules rules() {
        return holidays;
    }

    private YearDays year(int year) {
        if (!HolidayRules.supports(year)) {
            // A computation that runs past the years the calendar answers (a due date in 2101 for a dossier received
            // late in 2100): refused with a message saying so, never answered with a guessed calendar.
            throw new ConflictException("calendar.beyond-range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR),
                    String.valueOf(year));
        }
        Kept<YearDays> kept = years.get(year);
        if (kept == null || stale(kept)) {
            List<Announcement> around = announcements.overlapping(LocalDate.of(year - 1, 1, 1),
                    LocalDate.of(year + 1, 12, 31));
            kept = new Kept<>(holidays.year(year, around), clock.instant());
            years.put(year, kept);
        }
        return kept.value();
    }

    private boolean stale(Kept<?> kept) {
        return !clock.instant().isBefore(kept.readAt().plus(settings.refresh()));
    }

    private String reason(OffDay day) {
        if (day.announcement() != null) {
            return day.announcement().reason();
        }
        String holiday = messages.getMessage("calendar.holiday." + day.holiday(), null, VIETNAMESE);
        return day.compensation()
                ? messages.getMessage("calendar.reason.compensation", new Object[] {holiday}, VIETNAMESE)
                : holiday;
    }

    private static void checkYear(int year) {
        if (!HolidayRules.supports(year)) {
            throw new InvalidInputException("calendar.validation.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    private static void checkPeriod(int amount, TimeUnitKind unit) {
        if (amount < 0) {
            throw new InvalidInputException("calendar.validation.negative");
        }
        if (unit == TimeUnitKind.HOURS && amount == 0) {
            throw new InvalidInputException("calendar.validation.zero-hours");
        }
        if (amount > (unit == TimeUnitKind.HOURS ? MAX_HOURS : MAX_DAYS)) {
            throw new InvalidInputException("calendar.validation.too-long",
                    String.valueOf(unit == TimeUnitKind.HOURS ? MAX_HOURS : MAX_DAYS));
        }
    }

    private static LocalDateTime local(ZonedDateTime moment) {
        return moment.withZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
    }
}
