package vn.dvc.statistics;

/**
 * The counters of one agency (and procedure) summed over some days; see {@code V13__statistics.sql}.
 */
record Counters(long receivedOnline, long receivedOffline, long resolvedEarly, long resolvedOnTime,
        long resolvedLate, long due, long dueAfterResolved) {

    static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

    Counters plus(Counters o) {
        return new Counters(receivedOnline + o.receivedOnline, receivedOffline + o.receivedOffline,
                resolvedEarly + o.resolvedEarly, resolvedOnTime + o.resolvedOnTime, resolvedLate + o.resolvedLate,
                due + o.due, dueAfterResolved + o.dueAfterResolved);
    }

    long received() {
        return receivedOnline + receivedOffline;
    }

    long resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** Of the dossiers counted up to some day, those still open at its end. */
    long open() {
        return received() - resolved();
    }

    /** Of the dossiers counted up to some day, those still open at its end and due on or before it. */
    long openOverdue() {
        return due - dueAfterResolved - resolvedOnTime - resolvedLate;
    }

    boolean isZero() {
        return equals(ZERO);
    }
}
