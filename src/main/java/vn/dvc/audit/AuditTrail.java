package vn.dvc.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the tamper-evident audit trail, in the caller's transaction (a new one if there is none):
 * the head row is locked, the entry gets the next sequence and hash = SHA-256(previous hash || canonical
 * entry), and the head moves on. Concurrent appends wait for each other on the head until commit; a
 * rolled-back action leaves no entry and gives its sequence back. Record at the end of a transaction
 * (after the action's own row locks), so that the head is held briefly and always last.
 *
 * <p>Details must not hold personal data beyond what the entry needs: codes, statuses, reasons' codes,
 * never form answers, names or identity numbers.
 */
@Service
public class AuditTrail {

    static final int MAX_DETAILS_CHARS = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action.
     *
     * @param actor who did it (a username, or {@code system})
     * @param action what was done, e.g. {@code DOSSIER_RECEIVED} (at most 60 characters)
     * @param subject what it was done to, e.g. a dossier code (may be null)
     * @param agencyCode the agency concerned (may be null)
     * @param details small facts: strings, numbers, booleans, nested maps and lists (may be null)
     * @return the entry as stored
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(String actor, String action, String subject, String agencyCode, Map<String, ?> details) {
        if (action == null || action.isBlank() || action.length() > 60) {
            throw new IllegalArgumentException("an audit action needs a name of at most 60 characters");
        }
        String who = actor == null || actor.isBlank() ? "system" : truncate(actor.strip(), 100);
        String detailText = AuditHashing.json(details == null ? Map.of() : details);
        if (detailText.length() > MAX_DETAILS_CHARS) {
            throw new IllegalArgumentException("audit details too long");
        }
        record Head(long sequence, String hash) {
        }
        Head head = jdbc.sql("select last_sequence, last_hash from audit_head where id for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long sequence = head.sequence() + 1;
        Instant now = AuditHashing.truncate(clock.instant());
        String subj = subject == null ? null : truncate(subject, 100);
        String agency = agencyCode == null ? null : truncate(agencyCode, 20);
        String hash = AuditHashing.hash(head.hash(),
                AuditHashing.canonical(sequence, now, who, action, subj, agency, detailText));
        // The entry and the head's move in one statement (one round trip): both or neither.
        int moved = jdbc.sql("""
                with entry as (
                    insert into audit_entry(sequence, occurred_at, actor, action, subject, agency_code, details,
                                            previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?))
                update audit_head set last_sequence = ?, last_hash = ? where id""")
                .params(sequence, Timestamp.from(now), who, action, subj, agency, detailText, head.hash(), hash,
                        sequence, hash)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("the audit head is missing");
        }
        return new AuditEntry(sequence, now, who, action, subj, agency, detailText, head.hash(), hash);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
