package vn.dvc.statistics;

/**
 * The counters of one agency (and procedure) summed over some days; see {@code V13__statistics.sql} and
 * {@code V28__statistics_withdrawals_and_housekeeping.sql} and {@code V29__stopped_processing.sql}.
 */
record Counters(long receivedOnline, long receivedOffline, long resolvedEarly, long resolvedOnTime,
        long resolvedLate, long due, long dueAfterResolved, long withdrawn, long withdrawnOverdue,
        long dueAfterWithdrawn, long stopped, long stoppedOverdue, long dueAfterStopped) {

    /** The number of counters, in the order of the components and of {@code StatisticsLedger.COLUMNS}. */
    static final int SIZE = 13;

    static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static Counters of(long[] v) {
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    Counters plus(Counters o) {
        return new Counters(receivedOnline + o.receivedOnline, receivedOffline + o.receivedOffline,
                resolvedEarly + o.resolvedEarly, resolvedOnTime + o.resolvedOnTime, resolvedLate + o.resolvedLate,
                due + o.due, dueAfterResolved + o.dueAfterResolved, withdrawn + o.withdrawn,
                withdrawnOverdue + o.withdrawnOverdue, dueAfterWithdrawn + o.dueAfterWithdrawn, stopped + o.stopped,
                stoppedOverdue + o.stoppedOverdue, dueAfterStopped + o.dueAfterStopped);
    }

    long received() {
        return receivedOnline + receivedOffline;
    }

    long resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** Of the dossiers counted up to some day, those still open at its end (neither resolved, withdrawn nor stopped). */
    long open() {
        return received() - resolved() - withdrawn - stopped;
    }

    /** Of the dossiers counted up to some day, those still open at its end and due on or before it. */
    long openOverdue() {
        return due - dueAfterResolved - resolvedOnTime - resolvedLate - dueAfterWithdrawn - withdrawnOverdue
                - dueAfterStopped - stoppedOverdue;
    }

    boolean isZero() {
        return equals(ZERO);
    }
}
