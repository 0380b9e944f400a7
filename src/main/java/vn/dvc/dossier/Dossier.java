package vn.dvc.dossier;

import java.time.Instant;

import vn.dvc.catalogue.Channel;

/**
 * A dossier as stored. {@code formJson} holds the e-form answers as submitted (a JSON object);
 * {@code procedureVersionId} the catalogue version it was submitted under.
 */
public record Dossier(long id, String code, long procedureVersionId, String procedureCode, String procedureName,
        String agencyCode, long applicantId, Representation representation, Channel channel, DossierStatus status,
        int caseIndex, String formJson, Instant submittedAt, Instant receivedAt, Instant dueAt, Instant finishedAt,
        Instant returnedAt, int rowVersion) {

    /** Whether the account holder submitted for someone else. */
    public boolean onBehalf() {
        return representation != null;
    }
}
