package vn.dvc.catalogue;

/** How a dossier reaches the agency; numbered as in the national procedure database (RULES.md §6). */
public enum Channel {
    DIRECT(1), ONLINE(2), POSTAL(3);

    private final int nationalCode;

    Channel(int nationalCode) {
        this.nationalCode = nationalCode;
    }

    public int nationalCode() {
        return nationalCode;
    }
}
