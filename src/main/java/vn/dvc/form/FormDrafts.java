package vn.dvc.form;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The definition an administrator is editing before publishing it (table form_draft). */
@Repository
class FormDrafts {

    /** A stored draft; {@code revision} goes up by one with every change. */
    record StoredDraft(String procedureCode, FormDefinition definition, int basedOnVersionNo, int revision,
            String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FormDrafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredDraft> find(String procedureCode) {
        return query("select * from form_draft where procedure_code = ?", procedureCode);
    }

    /** The draft, locked until the end of the transaction (publishing). */
    Optional<StoredDraft> lock(String procedureCode) {
        return query("select * from form_draft where procedure_code = ? for update", procedureCode);
    }

    private Optional<StoredDraft> query(String sql, String procedureCode) {
        return jdbc.sql(sql.replace("select *", """
                select procedure_code, definition::text as definition, based_on_version_no, revision, updated_by,
                       updated_at""")).param(procedureCode)
                .query((rs, row) -> new StoredDraft(rs.getString("procedure_code"),
                        json.readValue(rs.getString("definition"), FormDefinition.class),
                        rs.getInt("based_on_version_no"), rs.getInt("revision"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /**
     * Saves the next revision of the draft, if nobody saved another since {@code seenRevision} (0: there
     * was no draft).
     *
     * @return false when someone else's change came first
     */
    boolean save(String procedureCode, FormDefinition definition, int basedOnVersionNo, int seenRevision,
            String actor, Instant now) {
        String text = json.writeValueAsString(definition);
        if (seenRevision == 0) {
            return jdbc.sql("""
                    insert into form_draft(procedure_code, definition, based_on_version_no, revision, updated_by,
                        updated_at)
                    values (:code, cast(:definition as jsonb), :basedOn, 1, :actor, :now)
                    on conflict (procedure_code) do nothing
                    """).param("code", procedureCode).param("definition", text).param("basedOn", basedOnVersionNo)
                    .param("actor", actor).param("now", Timestamp.from(now)).update() == 1;
        }
        return jdbc.sql("""
                update form_draft set definition = cast(:definition as jsonb), revision = revision + 1,
                       updated_by = :actor, updated_at = :now
                 where procedure_code = :code and revision = :seen
                """).param("code", procedureCode).param("definition", text).param("actor", actor)
                .param("now", Timestamp.from(now)).param("seen", seenRevision).update() == 1;
    }

    boolean delete(String procedureCode, int seenRevision) {
        return jdbc.sql("delete from form_draft where procedure_code = ? and revision = ?")
                .params(procedureCode, seenRevision).update() == 1;
    }
}
