package vn.dvc.statistics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.DossierTransferred;

/**
 * Keeps the counters up to date after every committed dossier change. Each event re-reads the dossier
 * as committed, so the order of events and a repeated event (a retried publication) do not matter.
 * A submission itself counts nothing: a dossier is counted from its receipt (RULES.md §4), and every
 * receipt is a status change, so {@code DossierSubmitted} is not listened to (it cost each online
 * submission a publication and three transactions that changed nothing, ADR 0022).
 */
@Component
class StatisticsListener {

    private final ProcessingStatistics statistics;

    StatisticsListener(ProcessingStatistics statistics) {
        this.statistics = statistics;
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged event) {
        statistics.refresh(event.dossierCode());
    }

    /**
     * A dossier moved to another agency (its agency merged into another) counts there from its receipt on,
     * as a recompute would count it: the figures per agency are right without waiting for one.
     */
    @ApplicationModuleListener
    void on(DossierTransferred event) {
        statistics.refresh(event.dossierCode());
    }
}
