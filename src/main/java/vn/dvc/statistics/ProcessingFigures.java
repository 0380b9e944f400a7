package vn.dvc.statistics;

import java.time.LocalDate;

/**
 * The columns of report form II.06a for one agency (or the province when {@code agency} is null) and
 * period (RULES.md §4): (3) totalReceived = (4) receivedOnline + (5) receivedOffline + (6) carriedOver;
 * (7) totalResolved = (8) resolvedEarly + (9) resolvedOnTime + (10) resolvedLate; (11) totalInProgress =
 * (12) inProgressOnTime + (13) inProgressOverdue. Ratios are null when their denominator is zero.
 * {@code withdrawn}, not a column of the form: the dossiers withdrawn by their applicants in the period, which
 * leave the dossiers in progress without being resolved; {@code stopped}, likewise: the dossiers whose processing the
 * agency stopped (status 8) in the period (ADR 0029); so that (3) = (7) + (11) + withdrawn + stopped.
 */
public record ProcessingFigures(String agency, LocalDate from, LocalDate to, long receivedOnline,
        long receivedOffline, long carriedOver, long totalReceived, long resolvedEarly, long resolvedOnTime,
        long resolvedLate, long totalResolved, long inProgressOnTime, long inProgressOverdue, long totalInProgress,
        Double onTimeRatio, Double onlineRatio, long withdrawn, long stopped) {

    /** The figures from the counters of the period and those of every day before it. */
    static ProcessingFigures of(String agency, LocalDate from, LocalDate to, Counters before, Counters period) {
        Counters upToEnd = before.plus(period);
        long carriedOver = before.open();
        long totalReceived = period.receivedOnline() + period.receivedOffline() + carriedOver;
        long totalResolved = period.resolved();
        long totalInProgress = upToEnd.open();
        long overdue = upToEnd.openOverdue();
        return new ProcessingFigures(agency, from, to, period.receivedOnline(), period.receivedOffline(), carriedOver,
                totalReceived, period.resolvedEarly(), period.resolvedOnTime(), period.resolvedLate(), totalResolved,
                totalInProgress - overdue, overdue, totalInProgress,
                ratio(period.resolvedEarly() + period.resolvedOnTime(), totalResolved),
                ratio(period.receivedOnline(), totalReceived), period.withdrawn(), period.stopped());
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Whether nothing at all happened to this agency's dossiers in the period. */
    boolean empty() {
        return totalReceived == 0 && totalResolved == 0 && totalInProgress == 0 && withdrawn == 0
                && stopped == 0;
    }
}
