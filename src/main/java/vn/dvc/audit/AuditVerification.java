package vn.dvc.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit trail from the first entry: each sequence must follow the previous one, carry the
 * previous entry's hash and have the hash of its own content; the head must name the last entry. Reads one
 * snapshot (repeatable read), a thousand entries at a time.
 */
@Service
public class AuditVerification {

    /** Why an entry does not verify. */
    public enum Problem {
        /** A sequence number is missing (an entry was removed) or out of order. */
        MISSING_ENTRY,
        /** The entry does not carry the previous entry's hash (an entry before it was removed or replaced). */
        BROKEN_LINK,
        /** The entry's content does not have its hash (it was changed). */
        CHANGED_ENTRY,
        /** The last entries are gone: the head names a later sequence or another hash. */
        MISSING_TAIL
    }

    /**
     * The outcome: {@code ok} with the number of entries checked, or the first broken sequence and why.
     */
    public record Result(boolean ok, long entries, Long firstBrokenSequence, Problem problem) {

        static Result valid(long entries) {
            return new Result(true, entries, null, null);
        }

        static Result broken(long entries, long sequence, Problem problem) {
            return new Result(false, entries, sequence, problem);
        }
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    AuditVerification(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transaction.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public Result verify() {
        return snapshot.execute(status -> walk());
    }

    private Result walk() {
        long headSequence = jdbc.sql("select last_sequence from audit_head where id").query(Long.class).single();
        String headHash = jdbc.sql("select last_hash from audit_head where id").query(String.class).single();
        long expected = 1;
        String previous = AuditHashing.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("""
                    select sequence, occurred_at, actor, action, subject, agency_code, details, previous_hash, hash
                      from audit_entry where sequence > ? order by sequence limit ?""")
                    .params(after, BATCH).query(AuditVerification::map).list();
            for (AuditEntry e : batch) {
                if (e.sequence() != expected) {
                    return Result.broken(checked, expected, Problem.MISSING_ENTRY);
                }
                if (!e.previousHash().equals(previous)) {
                    return Result.broken(checked, e.sequence(), Problem.BROKEN_LINK);
                }
                if (!AuditHashing.hash(e).equals(e.hash())) {
                    return Result.broken(checked, e.sequence(), Problem.CHANGED_ENTRY);
                }
                previous = e.hash();
                expected++;
                checked++;
                after = e.sequence();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (headSequence != checked || !headHash.equals(previous)) {
            return Result.broken(checked, checked + 1, Problem.MISSING_TAIL);
        }
        return Result.valid(checked);
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("agency_code"), rs.getString("details"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }
}
