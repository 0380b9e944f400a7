package vn.dvc.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.Dossiers;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.statistics.StatisticsLedger.Fact;

/**
 * The processing figures of report form II.06a (RULES.md §4): read from the counters, kept up to date from
 * the dossier events ({@link #refresh}) and rebuilt from the dossier table by {@link #recompute}.
 */
@Service
public class ProcessingStatistics {

    /** The figures of one agency in a list per agency. */
    public record AgencyFigures(String agencyCode, String agencyName, AgencyLevel level, ProcessingFigures figures) {
    }

    private final StatisticsLedger ledger;
    private final Dossiers dossiers;
    private final Agencies agencies;

    ProcessingStatistics(StatisticsLedger ledger, Dossiers dossiers, Agencies agencies) {
        this.ledger = ledger;
        this.dossiers = dossiers;
        this.agencies = agencies;
    }

    /**
     * The figures of the days {@code from}..{@code to} (inclusive, Vietnam dates) for one agency, or the
     * province when {@code agency} is null; {@code procedure} (optional) narrows to one procedure code.
     */
    @Transactional(readOnly = true)
    public ProcessingFigures figures(String agency, String procedure, LocalDate from, LocalDate to) {
        Counters before = total(ledger.sum(StatisticsLedger.BEGINNING, from.minusDays(1), agency, procedure));
        Counters period = total(ledger.sum(from, to, agency, procedure));
        return ProcessingFigures.of(agency, from, to, before, period);
    }

    /**
     * The figures of every agency with dossiers in the period (received, resolved or in progress), of one
     * level when {@code level} is given, by level and name.
     */
    @Transactional(readOnly = true)
    public List<AgencyFigures> byAgency(AgencyLevel level, LocalDate from, LocalDate to) {
        Map<String, Counters> before = ledger.sum(StatisticsLedger.BEGINNING, from.minusDays(1), null, null);
        Map<String, Counters> period = ledger.sum(from, to, null, null);
        Set<String> codes = new HashSet<>(before.keySet());
        codes.addAll(period.keySet());
        List<AgencyFigures> rows = new ArrayList<>();
        for (String code : codes) {
            ProcessingFigures figures = ProcessingFigures.of(code, from, to, before.getOrDefault(code, Counters.ZERO),
                    period.getOrDefault(code, Counters.ZERO));
            Optional<Agency> agency = agencies.find(code);
            AgencyLevel agencyLevel = agency.map(Agency::level).orElse(null);
            if (figures.empty() || (level != null && level != agencyLevel)) {
                continue;
            }
            rows.add(new AgencyFigures(code, agency.map(Agency::name).orElse(code), agencyLevel, figures));
        }
        rows.sort(Comparator.comparing((AgencyFigures r) -> r.level() == null ? 9 : r.level().ordinal())
                .thenComparing(AgencyFigures::agencyName).thenComparing(AgencyFigures::agencyCode));
        return rows;
    }

    /** The sum of the rows (a level or the province); ratios computed on the sums. */
    public static ProcessingFigures total(List<AgencyFigures> rows, LocalDate from, LocalDate to) {
        long[] s = new long[13];
        for (AgencyFigures row : rows) {
            ProcessingFigures f = row.figures();
            long[] v = {f.receivedOnline(), f.receivedOffline(), f.carriedOver(), f.totalReceived(), f.resolvedEarly(),
                f.resolvedOnTime(), f.resolvedLate(), f.totalResolved(), f.inProgressOnTime(), f.inProgressOverdue(),
                f.totalInProgress(), f.withdrawn(), f.stopped()};
            for (int i = 0; i < s.length; i++) {
                s[i] += v[i];
            }
        }
        return new ProcessingFigures(null, from, to, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                s[10], s[7] == 0 ? null : (double) (s[4] + s[5]) / s[7], s[3] == 0 ? null : (double) s[0] / s[3],
                s[11], s[12]);
    }

    /**
     * Brings one dossier's contribution up to date with the dossier as it now stands (idempotent): its agency
     * too, so a dossier moved to another agency (a merger) counts there from its receipt on, as a recompute
     * would count it.
     */
    @Transactional
    public void refresh(String dossierCode) {
        ledger.lock(dossierCode);
        Optional<Fact> old = ledger.stored(dossierCode);
        Optional<Fact> now = dossiers.findByCode(dossierCode).flatMap(d -> Fact.of(d, leftAt(d, DossierStatus.WITHDRAWN),
                leftAt(d, DossierStatus.STOPPED)));
        ledger.replace(dossierCode, old, now);
    }

    /**
     * When a dossier now withdrawn (stopped) was withdrawn (stopped), from its timeline (the last such line, as the
     * recompute reads); null when it is not in that status.
     */
    private Instant leftAt(Dossier d, DossierStatus status) {
        if (d.status() != status) {
            return null;
        }
        return dossiers.timeline(d.id()).stream().filter(e -> e.to() == status)
                .map(Dossiers.TimelineEntry::occurredAt).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Rebuilds all counters from the dossier table; answers the number of dossiers counted. */
    @Transactional
    public long recompute() {
        return ledger.recompute();
    }

    private static Counters total(Map<String, Counters> sums) {
        return sums.values().stream().reduce(Counters.ZERO, Counters::plus);
    }
}
