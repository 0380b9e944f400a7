package vn.dvc.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvc.catalogue.Channel;
import vn.dvc.shared.PageResult;

/**
 * Reading dossiers. Applicants reach only their own ({@link #findOwned}); what officers may see is
 * decided by the reception module with the agency in the query.
 */
@Repository
public class Dossiers {

    static final String COLUMNS = """
            select d.id, d.code, d.procedure_version_id, d.procedure_code, d.procedure_name, d.agency_code,
                   d.applicant_id, d.on_behalf, d.represented_name, d.represented_id, d.authorisation_note,
                   d.channel, d.status, d.case_index, d.form::text as form, d.submitted_at, d.received_at, d.due_at,
                   d.finished_at, d.returned_at, d.row_version
              from dossier d
            """;

    /** One line of a dossier's timeline. */
    public record TimelineEntry(Instant occurredAt, String actor, String kind, DossierStatus from, DossierStatus to,
            String message) {
    }

    /** A document of a dossier: an attachment, a supplement or a result. */
    public record DossierDocument(long id, UUID documentId, Integer componentIndex, String componentName, String kind,
            Long supplementId, Instant addedAt) {
    }

    /**
     * A request to supplement: what is missing and why; answered or not. {@code number} counts the dossier's
     * requests from 1 (the number printed on form 02); {@code itemForms} has one entry per item, null where the
     * officer did not say which paper is asked for.
     */
    public record SupplementRequest(long id, int number, Instant requestedAt, String requestedBy, List<String> items,
            List<OriginalOrCopy> itemForms, String reason, Instant answeredAt, String answerNote) {

        public boolean open() {
            return answeredAt == null;
        }

        /** What paper item {@code i} asks for, if the officer said. */
        public OriginalOrCopy formOf(int i) {
            return i < itemForms.size() ? itemForms.get(i) : null;
        }
    }

    private final JdbcClient jdbc;

    Dossiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql(COLUMNS + " where d.code = ?").param(code).query(Dossiers::map).optional();
    }

    /** The dossier if it belongs to this applicant; another applicant's looks unknown. */
    /**
     * The applicant's own dossier by its code as people type it: surrounding spaces and letter case do not
     * matter (codes are upper case, like the public lookup reads them).
     */
    public Optional<Dossier> findOwned(String code, long applicantId) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where d.code = ? and d.applicant_id = ?")
                .params(code.strip().toUpperCase(java.util.Locale.ROOT), applicantId)
                .query(Dossiers::map).optional();
    }

    /** The dossier if the agency received it (officers); another agency's looks unknown. */
    public Optional<Dossier> findAtAgency(String code, String agencyCode) {
        return jdbc.sql(COLUMNS + " where d.code = ? and d.agency_code = ?").params(code, agencyCode)
                .query(Dossiers::map).optional();
    }

    /**
     * What an agency's officers work on.
     *
     * @param statuses the statuses shown (empty: all)
     * @param dueBefore only dossiers due before this time (due soon, overdue), or null
     *        among those still open (not refused, withdrawn, finished or delivered)
     * @param dueNotBefore and due at or after this time (due soon but not overdue), or null
     */
    public record AgencyQuery(String agencyCode, java.util.Set<DossierStatus> statuses, Instant dueBefore,
            Instant dueNotBefore, int page, int size) {

        public AgencyQuery(String agencyCode, java.util.Set<DossierStatus> statuses, Instant dueBefore, int page,
                int size) {
            this(agencyCode, statuses, dueBefore, null, page, size);
        }
    }

    /** One agency's dossiers, oldest submission first (first come, first served). */
    public PageResult<Dossier> atAgency(AgencyQuery query) {
        StringBuilder where = new StringBuilder(" where d.agency_code = :agency");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("agency", query.agencyCode());
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.append(" and d.status in (:statuses)");
            params.put("statuses", query.statuses().stream().map(DossierStatus::national).toList());
        }
        if (query.dueBefore() != null) {
            where.append(" and d.due_at < :dueBefore and d.status not in (3, 7, 8, 9, 10)");
            params.put("dueBefore", Timestamp.from(query.dueBefore()));
        }
        if (query.dueNotBefore() != null) {
            where.append(" and d.due_at >= :dueNotBefore");
            params.put("dueNotBefore", Timestamp.from(query.dueNotBefore()));
        }
        long total = jdbc.sql("select count(*) from dossier d" + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<Dossier> items = jdbc.sql(COLUMNS + where + " order by d.submitted_at, d.id limit :limit offset :offset")
                .params(params).query(Dossiers::map).list();
        return new PageResult<>(items, total, query.page(), query.size());
    }

    /** The applicant's dossiers, newest first. */
    public PageResult<Dossier> mine(long applicantId, int page, int size) {
        long total = jdbc.sql("select count(*) from dossier where applicant_id = ?").param(applicantId)
                .query(Long.class).single();
        List<Dossier> items = jdbc.sql(COLUMNS + " where d.applicant_id = ? order by d.submitted_at desc, d.id desc"
                + " limit ? offset ?").params(applicantId, size, (long) page * size).query(Dossiers::map).list();
        return new PageResult<>(items, total, page, size);
    }

    public List<TimelineEntry> timeline(long dossierId) {
        return jdbc.sql("""
                select occurred_at, actor, kind, from_status, to_status, message from dossier_event
                 where dossier_id = ? order by id""").param(dossierId)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), status(rs, "from_status"), status(rs, "to_status"),
                        rs.getString("message")))
                .list();
    }

    public List<DossierDocument> documents(long dossierId) {
        return jdbc.sql("""
                select id, document_id, component_index, component_name, kind, supplement_id, added_at
                  from dossier_document where dossier_id = ? order by id""").param(dossierId)
                .query((rs, n) -> new DossierDocument(rs.getLong("id"), rs.getObject("document_id", UUID.class),
                        (Integer) rs.getObject("component_index"), rs.getString("component_name"), rs.getString("kind"),
                        (Long) rs.getObject("supplement_id"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /**
     * The documents an applicant sees: what was submitted and supplied.
     */
    public List<DossierDocument> applicantDocuments(Dossier dossier) {
        // The officers' working result files stay inside the agency: the applicant receives the signed
        // electronic result issued when the dossier is finished (result module).
        return documents(dossier.id()).stream().filter(d -> !"RESULT".equals(d.kind())).toList();
    }

    public List<SupplementRequest> supplements(long dossierId) {
        return jdbc.sql("""
                select id, requested_at, requested_by, items::text as items, item_forms::text as item_forms, reason,
                       answered_at, answer_note
                  from dossier_supplement where dossier_id = ? order by id""").param(dossierId)
                .query((rs, n) -> new SupplementRequest(rs.getLong("id"), n + 1,
                        rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                        JsonText.stringList(rs.getString("items")), forms(rs.getString("item_forms")),
                        rs.getString("reason"), instant(rs, "answered_at"), rs.getString("answer_note")))
                .list();
    }

    private static List<OriginalOrCopy> forms(String json) {
        return JsonText.stringList(json).stream().map(f -> f == null ? null : OriginalOrCopy.valueOf(f))
                .collect(java.util.stream.Collectors.toList()); // nulls allowed
    }

    static Dossier map(ResultSet rs, int row) throws SQLException {
        Representation representation = rs.getBoolean("on_behalf")
                ? new Representation(rs.getString("represented_name"), rs.getString("represented_id"),
                        rs.getString("authorisation_note"))
                : null;
        return new Dossier(rs.getLong("id"), rs.getString("code"), rs.getLong("procedure_version_id"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("agency_code"),
                rs.getLong("applicant_id"), representation, Channel.valueOf(rs.getString("channel")),
                DossierStatus.ofNational(rs.getInt("status")), rs.getInt("case_index"), rs.getString("form"),
                rs.getTimestamp("submitted_at").toInstant(), instant(rs, "received_at"), instant(rs, "due_at"),
                instant(rs, "finished_at"), instant(rs, "returned_at"), rs.getInt("row_version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static DossierStatus status(ResultSet rs, String column) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() ? null : DossierStatus.ofNational(n);
    }
}
