package vn.dvc.audit;

import java.time.Instant;

/** One entry of the audit trail as stored; {@code details} is the canonical JSON text that was hashed. */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String action, String subject,
        String agencyCode, String details, String previousHash, String hash) {
}
