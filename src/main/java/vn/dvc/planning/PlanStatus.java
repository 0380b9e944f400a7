package vn.dvc.planning;

/**
 * Where a year's plan stands. It only moves forward, one step at a time (plan 2575/KH-UBND: agencies
 * register, the Department of Information and Communications consolidates and selects the approved
 * services, then the plan is made public).
 */
public enum PlanStatus {
    /** Draft: agencies register the procedures they will bring to level 4, until the deadline. */
    REGISTRATION_OPEN,
    /** The coordinator has closed registration and is deciding entry by entry. */
    CONSOLIDATED,
    /** Every entry is decided: rejected with a reason, or approved. */
    APPROVED,
    /** Public: the approved services are the province's plan for the year. */
    PUBLISHED;

    /** The status a plan must be in for this one to follow it; null for the first. */
    public PlanStatus previous() {
        return this == REGISTRATION_OPEN ? null : values()[ordinal() - 1];
    }
}
