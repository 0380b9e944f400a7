package vn.dvc.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * A leader approved a dossier: processing is finished (status 9) and its result is the document
 * {@code resultDocumentId} (stored by the document module). Published in the approving transaction, after
 * the {@link DossierStatusChanged} of the same change.
 */
public record DossierFinished(String dossierCode, String agencyCode, UUID resultDocumentId, Instant at,
        String actor) {
}
