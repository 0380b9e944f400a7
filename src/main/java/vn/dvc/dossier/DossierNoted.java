package vn.dvc.dossier;

import java.time.Instant;

/**
 * An officer did something to a dossier that does not change its status (a result attached, an apology
 * and new appointment, a postal delivery update): its timeline has the line of this kind.
 */
public record DossierNoted(String dossierCode, String agencyCode, String actor, String kind, Instant occurredAt) {
}
