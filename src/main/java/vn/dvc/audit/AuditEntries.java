package vn.dvc.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvc.shared.PageResult;

/** Reading the trail: newest first, optionally the entries of one subject (e.g. a dossier code). */
@Repository
public class AuditEntries {

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<AuditEntry> page(String subject, int page, int size) {
        String s = subject == null || subject.isBlank() ? null : subject.strip();
        String where = s == null ? "" : " where subject = :subject";
        var count = jdbc.sql("select count(*) from audit_entry" + where);
        var rows = jdbc.sql("""
                select sequence, occurred_at, actor, action, subject, agency_code, details, previous_hash, hash
                  from audit_entry""" + where + " order by sequence desc limit :limit offset :offset");
        if (s != null) {
            count = count.param("subject", s);
            rows = rows.param("subject", s);
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = rows.param("limit", size).param("offset", (long) page * size)
                .query(AuditVerification::map).list();
        return new PageResult<>(items, total, page, size);
    }

    /** Every entry of a subject, oldest first. */
    public List<AuditEntry> of(String subject) {
        return jdbc.sql("""
                select sequence, occurred_at, actor, action, subject, agency_code, details, previous_hash, hash
                  from audit_entry where subject = ? order by sequence""").param(subject)
                .query(AuditVerification::map).list();
    }
}
