package vn.dvc.planning;

/** The coordinator's decision on one registered procedure. */
public enum EntryStatus {
    /** Registered by the agency, not decided yet. */
    REGISTERED,
    /** Selected for the year's plan. */
    APPROVED,
    /** Not selected, with a reason (for instance: a central ministry already provides it). */
    REJECTED
}
