package vn.dvc.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the government announced for a year: a range of days off for some holidays (it then replaces
 * the computed days of those holidays), or a weekly rest day worked in exchange for a day off (làm bù).
 *
 * @param holidays the holidays a range is for; empty for a working day
 * @param source the announcement it comes from, when known
 */
record Announcement(long id, Kind kind, Set<Holiday> holidays, LocalDate firstDay, LocalDate lastDay, String reason,
        String source, String recordedBy, Instant recordedAt) {

    enum Kind {
        DAYS_OFF, WORKING_DAY
    }

    /** The year whose holidays a range is for: New Year 2023 may start on 31/12/2022. */
    int holidayYear() {
        return lastDay.getYear();
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
