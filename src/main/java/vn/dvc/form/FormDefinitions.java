package vn.dvc.form;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.ProcedureVersionPublished;

/**
 * The form definitions of procedure versions (table form_definition). A version's definition never
 * changes once dossiers may use it: a new definition goes on a new version.
 */
@Repository
class FormDefinitions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FormDefinitions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<FormDefinition> find(long procedureVersionId) {
        return jdbc.sql("select definition::text from form_definition where procedure_version_id = ?")
                .param(procedureVersionId).query(String.class).optional()
                .map(text -> json.readValue(text, FormDefinition.class));
    }

    /** Stores the definition of a version, replacing the one copied forward when the version was published. */
    void save(long procedureVersionId, FormDefinition definition, String actor, Instant now) {
        jdbc.sql("""
                insert into form_definition(procedure_version_id, definition, updated_by, updated_at)
                values (:id, cast(:definition as jsonb), :actor, :now)
                on conflict (procedure_version_id) do update
                   set definition = excluded.definition, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
                """).param("id", procedureVersionId).param("definition", json.writeValueAsString(definition))
                .param("actor", actor).param("now", Timestamp.from(now)).update();
    }

    /**
     * A new version of a procedure keeps the form of the version before it, in the catalogue's
     * transaction (a synchronous listener): a fee change must not lose the agency's form.
     */
    @EventListener
    void copyForward(ProcedureVersionPublished published) {
        jdbc.sql("""
                insert into form_definition(procedure_version_id, definition, updated_by, updated_at)
                select :id, d.definition, d.updated_by, d.updated_at
                  from form_definition d
                 where d.procedure_version_id = (
                       select previous.id from procedure_version previous
                        where previous.procedure_id = (select procedure_id from procedure_version where id = :id)
                          and previous.version_no < :versionNo
                        order by previous.version_no desc limit 1)
                on conflict (procedure_version_id) do nothing
                """).param("id", published.versionId()).param("versionNo", published.versionNo()).update();
    }
}
