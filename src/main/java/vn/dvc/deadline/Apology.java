package vn.dvc.deadline;

import java.time.Instant;

/**
 * The apology and new appointment of a dossier (Circular 01/2018 form 04): the reason, the original due time
 * (which stays the dossier's due date for the statistics) and the new appointment.
 */
public record Apology(long dossierId, String agencyCode, String reason, Instant originalDueAt, Instant newDueAt,
        Instant issuedAt, String officer, String officerName) {
}
