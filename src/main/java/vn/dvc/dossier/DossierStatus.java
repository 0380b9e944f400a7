package vn.dvc.dossier;

import java.util.Arrays;

/** The statuses synced to the national portal (RULES.md §2), numbered as there. */
public enum DossierStatus {
    NEWLY_SUBMITTED(1),
    ACCEPTED(2),
    NOT_ACCEPTED(3),
    IN_PROGRESS(4),
    SUPPLEMENT_REQUESTED(5),
    PAYMENT_REQUESTED(6),
    WITHDRAWN(7),
    STOPPED(8),
    FINISHED(9),
    RESULT_DELIVERED(10);

    private final int national;

    DossierStatus(int national) {
        this.national = national;
    }

    /** The number of this status on the national portal. */
    public int national() {
        return national;
    }

    /** Supplement requested, payment requested and stopped count as "paused" on dashboards. */
    public boolean paused() {
        return this == SUPPLEMENT_REQUESTED || this == PAYMENT_REQUESTED || this == STOPPED;
    }

    /** No further processing: refused, withdrawn or result delivered. */
    public boolean closed() {
        return this == NOT_ACCEPTED || this == WITHDRAWN || this == RESULT_DELIVERED;
    }

    public static DossierStatus ofNational(int number) {
        return Arrays.stream(values()).filter(s -> s.national == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no national status " + number));
    }
}
