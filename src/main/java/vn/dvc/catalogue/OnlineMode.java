package vn.dvc.catalogue;

/** The 2022 classification of Decree 42/2022/NĐ-CP that replaced levels 3 and 4. */
public enum OnlineMode {
    /** Full online (toàn trình): submission, processing, payment and result all online (or result by post). */
    FULL,
    /** Partial online (một phần): some steps online. */
    PARTIAL,
    /** Not offered online. */
    NONE
}
