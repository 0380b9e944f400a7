package vn.dvc.shared;

/**
 * A module's part of the demo data. Loaded once, in {@link #order()}, on the first start of the
 * embedded default (or when asked for with {@code app.demo-data.load=true}).
 */
public interface DemoDataSet {

    /** A stable name, recorded once the set is loaded so that it never loads twice. */
    String name();

    /** Sets that others depend on load first (organisation before accounts and procedures). */
    int order();

    void load();

    /**
     * Whether this start should load the set. A set that is not wanted is not recorded as loaded, so it loads
     * on a later start that wants it (the demo history, ADR 0026).
     */
    default boolean wanted() {
        return true;
    }
}
