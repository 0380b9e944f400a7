package vn.dvc.result;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.DossierFinished;

/**
 * When the leader approves a dossier (status 9), its electronic result is issued in the same
 * transaction: the result document attached during processing is stamped with the signature block and
 * QR code and signed with the agency's certificate (or, without one, the result is generated from the
 * template). If signing fails, the approval fails with it: no finished dossier without its result.
 */
@Component
class ResultOnFinish {

    private final ElectronicResults results;

    ResultOnFinish(ElectronicResults results) {
        this.results = results;
    }

    @EventListener
    void on(DossierFinished event) {
        results.issue(event.dossierCode(), Optional.ofNullable(event.resultDocumentId()), event.actor());
    }
}
