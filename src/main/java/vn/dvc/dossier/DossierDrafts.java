package vn.dvc.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.NotFoundException;

/**
 * Drafts: an applicant's unfinished submission, kept on the server so that it resumes on any device.
 * Each save carries the version it was based on; a save from a stale page (another device saved in
 * between) is refused rather than silently overwriting. Drafts untouched for
 * {@code app.drafts.keep} are deleted.
 */
@Service
public class DossierDrafts {

    /** A dossier submitted from a draft carries this prefix and the draft's id as its idempotency key. */
    static final String IDEMPOTENCY_KEY_PREFIX = "draft:";

    public record Draft(UUID id, long applicantId, String procedureCode, long procedureVersionId, String agencyCode,
            int caseIndex, String formJson, Representation representation, int version, Instant createdAt,
            Instant updatedAt) {
    }

    public record DraftDocument(UUID documentId, int componentIndex, String componentName, Instant addedAt) {
    }

    private static final String COLUMNS = """
            select id, applicant_id, procedure_code, procedure_version_id, agency_code, case_index, form::text as form,
                   on_behalf, represented_name, represented_id, authorisation_note, row_version, created_at, updated_at
              from dossier_draft
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Procedures procedures;
    private final Duration keep;

    DossierDrafts(JdbcClient jdbc, Clock clock, Procedures procedures,
            @Value("${app.drafts.keep:P90D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.procedures = procedures;
        this.keep = keep;
    }

    /** A new draft for the procedure's current version, with the form prefilled as given. */
    @Transactional
    public Draft start(long applicantId, String procedureCode, String prefilledFormJson) {
        Procedure procedure = procedures.find(procedureCode)
                .orElseThrow(() -> new NotFoundException("dossier.procedure.unknown", procedureCode));
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into dossier_draft(id, applicant_id, procedure_code, procedure_version_id, form, created_at,
                                          updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(id, applicantId, procedure.code(), procedure.versionId(),
                        prefilledFormJson == null ? "{}" : prefilledFormJson, now, now)
                .update();
        return find(id, applicantId).orElseThrow();
    }

    /** The draft if it belongs to this applicant; another's looks unknown. */
    public Optional<Draft> find(UUID id, long applicantId) {
        return jdbc.sql(COLUMNS + " where id = ? and applicant_id = ?").params(id, applicantId)
                .query(DossierDrafts::map).optional();
    }

    public List<Draft> mine(long applicantId) {
        return jdbc.sql(COLUMNS + " where applicant_id = ? order by updated_at desc limit 50").param(applicantId)
                .query(DossierDrafts::map).list();
    }

    /**
     * Saves what the applicant has entered so far; {@code basedOnVersion} is the version their page
     * loaded. Answers the saved draft (with its new version).
     */
    @Transactional
    public Draft save(UUID id, long applicantId, int basedOnVersion, String agencyCode, int caseIndex,
            String formJson, Representation representation) {
        if (formJson != null && formJson.length() > DossierSubmission.MAX_FORM_CHARS) {
            throw new vn.dvc.shared.InvalidInputException("dossier.form.too-large");
        }
        if (formJson != null && !JsonText.isObject(formJson)) {
            throw new vn.dvc.shared.InvalidInputException("dossier.form.not-object");
        }
        int updated = jdbc.sql("""
                update dossier_draft set agency_code = ?, case_index = ?, form = coalesce(?::jsonb, form),
                       on_behalf = ?, represented_name = ?, represented_id = ?, authorisation_note = ?,
                       row_version = row_version + 1, updated_at = ?
                 where id = ? and applicant_id = ? and row_version = ?""")
                .params(blankToNull(agencyCode), Math.max(0, caseIndex), formJson, representation != null,
                        representation == null ? null : representation.representedName(),
                        representation == null ? null : representation.representedId(),
                        representation == null ? null : representation.authorisation(),
                        Timestamp.from(clock.instant()), id, applicantId, basedOnVersion)
                .update();
        if (updated == 0) {
            find(id, applicantId).orElseThrow(() -> new NotFoundException("dossier.draft.not-found"));
            throw new ConflictException("dossier.draft.stale");
        }
        return find(id, applicantId).orElseThrow();
    }

    /** Adds a stored document to a component of the draft. */
    @Transactional
    public void attach(UUID draftId, long applicantId, int componentIndex, String componentName, UUID documentId) {
        lock(draftId, applicantId);
        jdbc.sql("""
                insert into dossier_draft_document(draft_id, document_id, component_index, component_name, added_at)
                values (?, ?, ?, ?, ?)""")
                .params(draftId, documentId, componentIndex, componentName, Timestamp.from(clock.instant())).update();
        touch(draftId);
    }

    /** Removes a document from the draft; answers whether it was there. */
    @Transactional
    public boolean detach(UUID draftId, long applicantId, UUID documentId) {
        lock(draftId, applicantId);
        boolean removed = jdbc.sql("delete from dossier_draft_document where draft_id = ? and document_id = ?")
                .params(draftId, documentId).update() > 0;
        touch(draftId);
        return removed;
    }

    public List<DraftDocument> documents(UUID draftId) {
        return jdbc.sql("""
                select document_id, component_index, component_name, added_at from dossier_draft_document
                 where draft_id = ? order by component_index, added_at""").param(draftId)
                .query((rs, n) -> new DraftDocument(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** A submission of the draft as it stands (its documents as the attachments). */
    public DossierSubmission.Submission submission(Draft draft, String actor) {
        List<DossierSubmission.Attachment> attachments = documents(draft.id()).stream()
                .map(d -> new DossierSubmission.Attachment(d.componentIndex(), d.documentId())).toList();
        return new DossierSubmission.Submission(draft.applicantId(), actor, draft.procedureCode(), draft.agencyCode(),
                draft.caseIndex(), draft.formJson(), attachments, draft.representation(), IDEMPOTENCY_KEY_PREFIX + draft.id(),
                draft.id());
    }

    /** Deletes the draft; answers the documents it held (for the caller to delete). */
    @Transactional
    public List<UUID> discard(UUID draftId, long applicantId) {
        lock(draftId, applicantId);
        List<UUID> documents = documents(draftId).stream().map(DraftDocument::documentId).toList();
        jdbc.sql("delete from dossier_draft where id = ?").param(draftId).update();
        return documents;
    }

    /** Drafts nobody touched for a long time are deleted (their documents go with the next orphan sweep, `document.OrphanDocuments`). */
    @Scheduled(cron = "${app.drafts.cleanup-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void deleteAbandoned() {
        jdbc.sql("delete from dossier_draft where updated_at < ?").param(Timestamp.from(clock.instant().minus(keep)))
                .update();
    }

    private void lock(UUID draftId, long applicantId) {
        jdbc.sql("select id from dossier_draft where id = ? and applicant_id = ? for update").params(draftId, applicantId)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("dossier.draft.not-found"));
    }

    private void touch(UUID draftId) {
        // Documents do not change the form, so a page's pending autosave stays valid.
        jdbc.sql("update dossier_draft set updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), draftId).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Draft map(ResultSet rs, int row) throws SQLException {
        Representation rep = rs.getBoolean("on_behalf") ? new Representation(rs.getString("represented_name"),
                rs.getString("represented_id"), rs.getString("authorisation_note")) : null;
        return new Draft(rs.getObject("id", UUID.class), rs.getLong("applicant_id"), rs.getString("procedure_code"),
                rs.getLong("procedure_version_id"), rs.getString("agency_code"), rs.getInt("case_index"),
                rs.getString("form"), rep, rs.getInt("row_version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
