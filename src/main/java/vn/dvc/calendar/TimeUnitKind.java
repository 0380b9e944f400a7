package vn.dvc.calendar;

/** The unit of a legal period: working days or working hours (RULES.md §3). */
public enum TimeUnitKind {
    /** Whole working days; the day of receipt does not count, the period ends at the close of the last day. */
    DAYS,
    /** Working hours; only the agency's working hours on working days count. */
    HOURS
}
