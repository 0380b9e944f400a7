package vn.dvc.processing;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierDueMoved;
import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.Dossiers;

/**
 * Opens the first step of a dossier when it is received, synchronously in the receiving transaction: a dossier
 * is never in progress without a step (if opening fails, the receipt fails too). Ends the open step of a dossier
 * whose processing is stopped, in the stopping transaction.
 */
@Component
class ProcessingListener {

    private final Processing processing;
    private final Dossiers dossiers;

    ProcessingListener(Processing processing, Dossiers dossiers) {
        this.processing = processing;
        this.dossiers = dossiers;
    }

    @EventListener
    void on(DossierStatusChanged event) {
        if (event.to() != DossierStatus.IN_PROGRESS
                || (event.from() != DossierStatus.NEWLY_SUBMITTED && event.from() != DossierStatus.ACCEPTED)) {
            return;
        }
        String actor = dossiers.findByCode(event.dossierCode())
                .map(d -> dossiers.timeline(d.id()).stream().filter(t -> "RECEIVED".equals(t.kind()))
                        .reduce((a, b) -> b).map(Dossiers.TimelineEntry::actor).orElse(null))
                .orElse(null);
        processing.open(event.dossierCode(), actor);
    }

    /** A stopped dossier's open step ends, with the officer and the reason of the STOPPED timeline line. */
    @EventListener
    void onStopped(DossierStatusChanged event) {
        if (event.to() != DossierStatus.STOPPED) {
            return;
        }
        Dossiers.TimelineEntry stop = dossiers.findByCode(event.dossierCode())
                .flatMap(d -> dossiers.timeline(d.id()).stream().filter(t -> "STOPPED".equals(t.kind()))
                        .reduce((a, b) -> b))
                .orElse(null);
        processing.stopped(event.dossierCode(), stop == null ? null : stop.actor(), stop == null ? null : stop.message());
    }

    /** The time waiting for a supplement does not count for the open step either. */
    @EventListener
    void on(DossierDueMoved event) {
        processing.moveOpenStep(event.dossierCode(), event.agencyCode(), event.pausedWorkingTime());
    }
}
