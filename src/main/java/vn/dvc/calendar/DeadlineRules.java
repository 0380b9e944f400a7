package vn.dvc.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Predicate;

/**
 * The time rules of RULES.md §3 over a working-day calendar, in Vietnam local time. Pure: the
 * calendar comes in as a predicate, so the rules are tested with concrete dates and no database.
 * <ul>
 * <li>A period in days does not count the day of receipt and ends at the close of working hours of its
 * last working day (Civil Code 2015, art. 147(1), 148(1) and (4); a last day off moves the end to the
 * next working day).</li>
 * <li>A period of 0 days is a same-day procedure: received after the cut-off (15:00) it is due at the
 * close of the next working day.</li>
 * <li>A period in working hours counts only the agency's working hours on working days, from the
 * moment of receipt (art. 147(1)).</li>
 * <li>A dossier received online outside working hours, or on a day off, counts as received at the
 * start of the next working time; during the lunch break that is the afternoon session.</li>
 * </ul>
 */
final class DeadlineRules {

    /** No stretch of days off is longer than this; a longer search means a broken calendar. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 60;

    private final Predicate<LocalDate> workingDay;
    private final LocalTime sameDayCutoff;
    private final boolean onlineOutsideHoursMovesReceipt;

    DeadlineRules(Predicate<LocalDate> workingDay, LocalTime sameDayCutoff, boolean onlineOutsideHoursMovesReceipt) {
        this.workingDay = workingDay;
        this.sameDayCutoff = sameDayCutoff;
        this.onlineOutsideHoursMovesReceipt = onlineOutsideHoursMovesReceipt;
    }

    /** When the period starts: the receipt, or for an online one outside working time the next working time. */
    LocalDateTime effectiveReceipt(LocalDateTime receivedAt, WorkingHours hours, boolean online) {
        return online && onlineOutsideHoursMovesReceipt ? nextWorkingTime(receivedAt, hours) : receivedAt;
    }

    /** The due time of a period starting at {@code start} (already the effective receipt). */
    LocalDateTime due(LocalDateTime start, int amount, TimeUnitKind unit, WorkingHours hours) {
        if (amount < 0) {
            throw new IllegalArgumentException("a period cannot be negative");
        }
        if (unit == TimeUnitKind.HOURS) {
            return addWorkingTime(start, Duration.ofHours(amount), hours);
        }
        LocalDate day = start.toLocalDate();
        if (amount == 0) {
            boolean sameDay = workingDay.test(day) && !start.toLocalTime().isAfter(sameDayCutoff);
            return (sameDay ? day : addWorkingDays(day, 1)).atTime(hours.closesAt());
        }
        return addWorkingDays(day, amount).atTime(hours.closesAt());
    }

    /** The {@code days}-th working day after {@code day} ({@code day} itself not counted). */
    LocalDate addWorkingDays(LocalDate day, int days) {
        LocalDate current = day;
        for (int counted = 0; counted < days; counted++) {
            current = nextWorkingDay(current);
        }
        return current;
    }

    /** The number of working days in (fromExclusive, toInclusive]; negative when {@code to} is before {@code from}. */
    long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        long count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (workingDay.test(d)) {
                count++;
            }
        }
        return count;
    }

    /** The first moment at or after {@code moment} that is working time. */
    LocalDateTime nextWorkingTime(LocalDateTime moment, WorkingHours hours) {
        LocalDate day = moment.toLocalDate();
        LocalTime time = moment.toLocalTime();
        if (workingDay.test(day)) {
            if (time.isBefore(hours.morningStart())) {
                return day.atTime(hours.morningStart());
            }
            if (time.isBefore(hours.morningEnd())) {
                return moment;
            }
            if (time.isBefore(hours.afternoonStart())) {
                return day.atTime(hours.afternoonStart());
            }
            if (time.isBefore(hours.afternoonEnd())) {
                return moment;
            }
        }
        return nextWorkingDay(day).atTime(hours.morningStart());
    }

    /** The moment when {@code amount} of working time has passed since {@code from}. */
    LocalDateTime addWorkingTime(LocalDateTime from, Duration amount, WorkingHours hours) {
        LocalDateTime current = nextWorkingTime(from, hours);
        Duration remaining = amount;
        while (true) {
            LocalDateTime sessionEnd = current.toLocalDate().atTime(
                    current.toLocalTime().isBefore(hours.morningEnd()) ? hours.morningEnd() : hours.afternoonEnd());
            Duration available = Duration.between(current, sessionEnd);
            if (remaining.compareTo(available) <= 0) {
                return current.plus(remaining);
            }
            remaining = remaining.minus(available);
            current = nextWorkingTime(sessionEnd, hours);
        }
    }

    /** The working time between two moments; negative when {@code to} is before {@code from}. */
    Duration workingTimeBetween(LocalDateTime from, LocalDateTime to, WorkingHours hours) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from, hours).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
            if (workingDay.test(d)) {
                total = total.plus(overlap(from, to, d.atTime(hours.morningStart()), d.atTime(hours.morningEnd())))
                        .plus(overlap(from, to, d.atTime(hours.afternoonStart()), d.atTime(hours.afternoonEnd())));
            }
        }
        return total;
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; !workingDay.test(next); i++) {
            if (i > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("no working day within " + MAX_DAYS_OFF_IN_A_ROW + " days after " + day);
            }
            next = next.plusDays(1);
        }
        return next;
    }

    private static Duration overlap(LocalDateTime from, LocalDateTime to, LocalDateTime start, LocalDateTime end) {
        LocalDateTime a = from.isAfter(start) ? from : start;
        LocalDateTime b = to.isBefore(end) ? to : end;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
