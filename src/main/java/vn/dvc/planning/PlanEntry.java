package vn.dvc.planning;

import java.time.Instant;

/**
 * One procedure an agency registered for a year's plan, and the coordinator's decision on it.
 *
 * @param procedureName the name when it was registered
 * @param centrallyProvided the catalogue's flag (theo ngành dọc) when registered, refreshed on consolidation
 */
public record PlanEntry(long id, int year, String agencyCode, String procedureCode, String procedureName,
        BuildKind kind, long estimatedBudgetVnd, String owner, String note, EntryStatus status,
        boolean centrallyProvided, String rejectionReason, String decidedBy, Instant decidedAt, String registeredBy,
        Instant registeredAt) {

    /**
     * The system proposes rejecting a procedure a central ministry already provides (plan 2575/KH-UBND:
     * a provincial level-4 service must not duplicate one run through a vertical system).
     */
    public boolean proposedForRejection() {
        return centrallyProvided && status == EntryStatus.REGISTERED;
    }
}
