package vn.dvc.dossier;

import java.time.Instant;

/**
 * A dossier moved to another agency with its code, timeline and deadlines unchanged; {@code reason} says why
 * ({@code AGENCY_MERGED}: its agency was merged into the other).
 */
public record DossierTransferred(String dossierCode, String fromAgencyCode, String toAgencyCode, String reason,
        Instant occurredAt) {
}
