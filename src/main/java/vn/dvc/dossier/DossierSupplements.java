package vn.dvc.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.document.UploadRules;
import vn.dvc.dossier.DossierSubmission.Upload;
import vn.dvc.dossier.Dossiers.SupplementRequest;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The applicant's answer to a supplement request: the requested documents (one or more files per
 * requested item) and a note, stored with the dossier; the dossier goes back to where it was and the
 * processing clock runs again. All or nothing: a refused file keeps nothing of the answer.
 */
@Service
public class DossierSupplements {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dossiers dossiers;
    private final DossierTransitions transitions;
    private final DossierFiles files;

    DossierSupplements(JdbcClient jdbc, Clock clock, Dossiers dossiers, DossierTransitions transitions,
            DossierFiles files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.files = files;
    }

    /** Uploads' component index is the index of the requested item they answer. */
    @Transactional
    public Dossier answer(String code, long applicantId, String actor, long supplementId, List<Upload> uploads,
            String note) {
        Dossier dossier = transitions.lockOwned(code, applicantId);
        SupplementRequest request = dossiers.supplements(dossier.id()).stream().filter(s -> s.id() == supplementId)
                .findFirst().orElseThrow(() -> new NotFoundException("dossier.supplement.not-found"));
        if (!request.open() || dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new ConflictException("dossier.action.not-allowed.supplement", code);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (uploads.isEmpty()) {
            problems.add(new FieldProblem("files", "dossier.supplement.files-required"));
        }
        for (Upload upload : uploads) {
            if (upload.componentIndex() < 0 || upload.componentIndex() >= request.items().size()) {
                problems.add(new FieldProblem("item." + (upload.componentIndex() + 1), "dossier.supplement.item-unknown",
                        upload.componentIndex() + 1));
            }
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "dossier.supplement.note-too-long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Upload upload : uploads) {
            UUID documentId;
            try (InputStream in = upload.content().getInputStream()) {
                documentId = files.store("item." + (upload.componentIndex() + 1), upload.fileName(), in,
                        UploadRules.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("""
                    insert into dossier_document(dossier_id, document_id, component_index, component_name, kind,
                                                 supplement_id, added_at)
                    values (?, ?, ?, ?, 'SUPPLEMENT', ?, ?)""")
                    .params(dossier.id(), documentId, upload.componentIndex(), request.items().get(upload.componentIndex()),
                            supplementId, now)
                    .update();
        }
        return transitions.supplied(dossier, supplementId, actor, note == null ? null : note.strip());
    }
}
