package vn.dvc.planning;

import java.time.Instant;

/** One thing done to a plan: who, when, what. */
public record PlanAuditEntry(int year, String action, String agencyCode, String procedureCode, String detail,
        String actor, Instant occurredAt) {
}
