package vn.dvc.statistics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.DossierSubmitted;

/**
 * Keeps the counters up to date after every committed dossier change. Each event re-reads the dossier
 * as committed, so the order of events and a repeated event (a retried publication) do not matter.
 */
@Component
class StatisticsListener {

    private final ProcessingStatistics statistics;

    StatisticsListener(ProcessingStatistics statistics) {
        this.statistics = statistics;
    }

    @ApplicationModuleListener
    void on(DossierSubmitted event) {
        statistics.refresh(event.dossierCode());
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged event) {
        statistics.refresh(event.dossierCode());
    }
}
