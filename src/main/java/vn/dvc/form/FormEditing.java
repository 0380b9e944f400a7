package vn.dvc.form;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.Procedures;
import vn.dvc.identity.AgencyScope;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;

/**
 * Editing a procedure's form: changes go to a draft shared by the procedure's administrators (each
 * change checked against the revision the editor saw), and publishing the draft publishes a new
 * version of the procedure through the catalogue, with the same content and the new form. Dossiers
 * keep the version, and so the form, they were filled in with.
 */
@Service
class FormEditing {

    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    /**
     * What the editor shows.
     *
     * @param revision 0 when there is no draft: the definition is the published one
     * @param own whether the current version has a form of its own (else the generic form is shown)
     */
    record Draft(Procedure procedure, FormDefinition definition, int basedOnVersionNo, int revision, boolean own,
            String updatedBy, Instant updatedAt) {

        public boolean unpublished() {
            return revision > 0;
        }
    }

    private final Procedures procedures;
    private final ProcedureCatalogue catalogue;
    private final FormDefinitions definitions;
    private final FormDrafts drafts;
    private final JsonMapper json;
    private final Clock clock;

    FormEditing(Procedures procedures, ProcedureCatalogue catalogue, FormDefinitions definitions, FormDrafts drafts,
            JsonMapper json, Clock clock) {
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.definitions = definitions;
        this.drafts = drafts;
        this.json = json;
        this.clock = clock;
    }

    /** The draft of a procedure the editor manages, or its published form when there is no draft. */
    Draft open(String code, AgencyScope scope) {
        Procedure procedure = manageable(code, scope);
        java.util.Optional<FormDefinition> published = definitions.find(procedure.versionId());
        return drafts.find(code)
                .map(d -> new Draft(procedure, d.definition(), d.basedOnVersionNo(), d.revision(), published.isPresent(),
                        d.updatedBy(), d.updatedAt()))
                .orElseGet(() -> new Draft(procedure, published.orElseGet(FormDefinition::generic),
                        procedure.versionNo(), 0, published.isPresent(), null, null));
    }

    /**
     * Applies a change to the draft (starting one from the published form if there is none). The result
     * must satisfy {@link DefinitionRules}; {@code seenRevision} must still be the draft's revision.
     */
    @Transactional
    Draft change(String code, int seenRevision, UnaryOperator<FormDefinition> change, AgencyScope scope,
            String actor) {
        Draft draft = open(code, scope);
        if (draft.revision() != seenRevision) {
            throw new ConflictException("form.editor.stale-draft");
        }
        FormDefinition next;
        try {
            next = DefinitionRules.normalise(change.apply(draft.definition()));
        } catch (IndexOutOfBoundsException e) {
            throw new NotFoundException("form.editor.no-field");
        }
        List<DefinitionRules.Problem> problems = DefinitionRules.check(next);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems, next);
        }
        if (!drafts.save(code, next, draft.basedOnVersionNo(), seenRevision, actor, clock.instant())) {
            throw new ConflictException("form.editor.stale-draft");
        }
        return open(code, scope);
    }

    /**
     * Publishes the draft: a new version of the procedure with the same content and this form. Refused
     * when another administrator published a different form since the draft began.
     */
    @Transactional
    Procedure publish(String code, int seenRevision, String changeNote, AgencyScope scope, String actor) {
        Procedure current = manageable(code, scope);
        FormDrafts.StoredDraft draft = drafts.lock(code)
                .orElseThrow(() -> new ConflictException("form.editor.nothing-to-publish"));
        if (draft.revision() != seenRevision) {
            throw new ConflictException("form.editor.stale-draft");
        }
        if (current.versionNo() != draft.basedOnVersionNo() && formChangedSince(code, draft.basedOnVersionNo(),
                current)) {
            throw new ConflictException("form.editor.changed-meanwhile", current.versionNo());
        }
        List<DefinitionRules.Problem> problems = DefinitionRules.check(draft.definition());
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems, draft.definition());
        }
        String note = changeNote == null || changeNote.isBlank() ? "Cập nhật biểu mẫu điện tử"
                : "Cập nhật biểu mẫu điện tử: " + changeNote.strip();
        // The catalogue checks the version number again under its lock, so two publications cannot both pass.
        Procedure published = catalogue.revise(code, current.versionNo(), current.content(), note, scope, actor);
        definitions.save(published.versionId(), draft.definition(), actor, clock.instant());
        drafts.delete(code, seenRevision);
        return published;
    }

    /** Drops the draft; the published form stays as it is. */
    @Transactional
    void discard(String code, int seenRevision, AgencyScope scope) {
        manageable(code, scope);
        if (!drafts.delete(code, seenRevision)) {
            throw new ConflictException("form.editor.stale-draft");
        }
    }

    /** A definition from an exported JSON file; unknown properties are refused rather than lost. */
    FormDefinition read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("form.editor.import-empty");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            throw new InvalidInputException("form.editor.import-too-large", MAX_IMPORT_BYTES / 1024);
        }
        try {
            FormDefinition definition = json.readerFor(FormDefinition.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // "required" may be left out
                    .readValue(content);
            if (definition == null) {
                throw new InvalidInputException("form.editor.import-empty");
            }
            return definition;
        } catch (JacksonException e) {
            // Jackson's own words, without the Java class names, and where in the file.
            String detail = String.valueOf(e.getOriginalMessage()).split(" \\(class |\\n")[0];
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException("form.editor.import-invalid", String.valueOf(Math.max(line, 1)),
                    detail.length() > 200 ? detail.substring(0, 200) + "…" : detail);
        }
    }

    byte[] write(FormDefinition definition) {
        return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(definition);
    }

    private boolean formChangedSince(String code, int basedOnVersionNo, Procedure current) {
        long baseId = procedures.history(code).stream().filter(p -> p.versionNo() == basedOnVersionNo)
                .map(Procedure::versionId).findFirst().orElse(-1L);
        FormDefinition base = definitions.find(baseId).orElse(null);
        FormDefinition now = definitions.find(current.versionId()).orElse(null);
        return base == null ? now != null : now == null || !json.valueToTree(base).equals(json.valueToTree(now));
    }

    private Procedure manageable(String code, AgencyScope scope) {
        return procedures.findManageable(code, scope)
                .orElseThrow(() -> new NotFoundException("catalogue.error.not-found", code));
    }
}
