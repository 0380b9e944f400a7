package vn.dvc.calendar;

import java.time.LocalDate;

/**
 * A day on which agencies do not work although it is not (only) a weekly rest day.
 *
 * @param reason in Vietnamese: the holiday's legal name, "Nghỉ bù ..." for a compensation day, or the
 *        text of the government's announcement
 * @param compensation a working day given off because a holiday fell on a weekly rest day (Labour
 *        Code 2019, art. 111(3))
 * @param announced from the government's announced schedule; false when computed by the rules
 *        (a year, or a holiday, not yet announced)
 */
public record DayOff(LocalDate date, String reason, boolean compensation, boolean announced) {
}
