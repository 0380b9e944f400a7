package vn.dvc.catalogue;

/** Levels of an online public service, Decree 43/2011/NĐ-CP (RULES.md §1). */
public enum ServiceLevel {
    /** Information about the procedure is online. */
    LEVEL_1,
    /** Level 1 plus downloadable forms. */
    LEVEL_2,
    /** Level 2 plus online submission and processing; fee paid and result collected at the agency. */
    LEVEL_3,
    /** Level 3 plus online payment (when there is a fee) and the result delivered online or by post. */
    LEVEL_4;

    public int number() {
        return ordinal() + 1;
    }

    public static ServiceLevel of(int number) {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("service level " + number);
        }
        return values()[number - 1];
    }
}
