package vn.dvc.catalogue;

/** The unit of a legal processing time. */
public enum TimeUnit {
    WORKING_DAYS, WORKING_HOURS
}
