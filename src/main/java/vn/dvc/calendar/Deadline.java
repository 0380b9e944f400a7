package vn.dvc.calendar;

import java.time.ZonedDateTime;

/**
 * A deadline computed from a receipt (Asia/Ho_Chi_Minh).
 *
 * @param effectiveReceivedAt when the period starts: the receipt itself, or for an online submission
 *        outside working hours the start of the next working time
 * @param dueAt the appointment time (ngày hẹn trả): the end of the period
 */
public record Deadline(ZonedDateTime effectiveReceivedAt, ZonedDateTime dueAt) {

    /** True when something done at {@code moment} is late (after the due time). */
    public boolean isLate(ZonedDateTime moment) {
        return moment.isAfter(dueAt);
    }
}
