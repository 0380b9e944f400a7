package vn.dvc.dossier;

import java.time.Duration;
import java.time.Instant;

/**
 * A dossier's due time moved later by the working time it waited for the applicant's supplement (the
 * clock does not run while the agency waits): the open processing step moves by the same working time.
 */
public record DossierDueMoved(String dossierCode, String agencyCode, Duration pausedWorkingTime, Instant newDueAt) {
}
