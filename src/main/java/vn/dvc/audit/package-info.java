/**
 * Audit: the tamper-evident audit trail. Every entry is chained to the previous one by SHA-256, appended
 * in the transaction of the action it records; {@link vn.dvc.audit.AuditVerification} walks the chain.
 * Fed by the dossier and payment events (synchronously) and by direct calls to
 * {@link vn.dvc.audit.AuditTrail#record}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.dvc.audit;
