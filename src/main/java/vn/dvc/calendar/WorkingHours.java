package vn.dvc.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * An agency's working hours on a working day: a morning and an afternoon session, each from its start
 * (included) to its end (excluded). The default is 07:00–11:30 and 13:30–17:00 (RULES.md §3 [I]).
 */
public record WorkingHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
        LocalTime afternoonEnd) {

    public WorkingHours {
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart)
                || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("working hours out of order: " + morningStart + "-" + morningEnd
                    + ", " + afternoonStart + "-" + afternoonEnd);
        }
    }

    /** Parses two sessions written {@code HH:mm-HH:mm}, e.g. {@code "07:00-11:30", "13:30-17:00"}. */
    public static WorkingHours parse(String morning, String afternoon) {
        LocalTime[] m = session(morning);
        LocalTime[] a = session(afternoon);
        return new WorkingHours(m[0], m[1], a[0], a[1]);
    }

    private static LocalTime[] session(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a session is written HH:mm-HH:mm, not " + text);
        }
        try {
            return new LocalTime[] {LocalTime.parse(parts[0]), LocalTime.parse(parts[1])};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a session is written HH:mm-HH:mm, not " + text, e);
        }
    }

    /** When work starts on a working day. */
    public LocalTime opensAt() {
        return morningStart;
    }

    /** When work ends on a working day: the end of a period counted in days. */
    public LocalTime closesAt() {
        return afternoonEnd;
    }

    /** True when {@code time} falls inside a session of a working day. */
    public boolean isWorkingTime(LocalTime time) {
        return (!time.isBefore(morningStart) && time.isBefore(morningEnd))
                || (!time.isBefore(afternoonStart) && time.isBefore(afternoonEnd));
    }

    /** The working time of one working day (8 hours by default). */
    public Duration perDay() {
        return Duration.between(morningStart, morningEnd).plus(Duration.between(afternoonStart, afternoonEnd));
    }

    @Override
    public String toString() {
        return morningStart + "-" + morningEnd + ", " + afternoonStart + "-" + afternoonEnd;
    }
}
