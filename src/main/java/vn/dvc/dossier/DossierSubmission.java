package vn.dvc.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.form.FormCheck;
import vn.dvc.form.Forms;
import vn.dvc.identity.Applicants;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PersonName;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * Submitting a dossier online: checks the procedure, the receiving agency, the form and the required
 * components, then, in one transaction, takes the next code of the agency's day, saves the dossier
 * with status 1, its documents and the first line of its timeline, queues the acknowledgement mail and
 * publishes {@link DossierSubmitted}. A submission repeated with the same idempotency key (a double
 * click, a retry after a lost answer) answers the dossier created the first time and creates nothing; the
 * same key with another request (other procedure, agency, case, answers or files) is refused with
 * {@link IdempotencyKeyReusedException}: the dossier keeps a fingerprint of the request that made it
 * ({@link RequestFingerprint}, ADR 0024).
 */
@Service
public class DossierSubmission {

    /** A file already stored (by the document module) for one component of the chosen case. */
    public record Attachment(int componentIndex, UUID documentId) {
    }

    public record Submission(long applicantId, String actor, String procedureCode, String agencyCode, int caseIndex,
            String formJson, List<Attachment> attachments, Representation representation, String idempotencyKey,
            UUID fromDraft) {

        public Submission(long applicantId, String actor, String procedureCode, String agencyCode, int caseIndex,
                String formJson, List<Attachment> attachments, Representation representation, String idempotencyKey) {
            this(applicantId, actor, procedureCode, agencyCode, caseIndex, formJson, attachments, representation,
                    idempotencyKey, null);
        }
    }

    /** A file sent with the submission for one component (0-based index in the chosen case). */
    public record Upload(int componentIndex, String fileName, InputStreamSource content) {
    }

    /**
     * A dossier registered by a reception officer for an applicant who came to the counter ({@code DIRECT}) or
     * sent it by post ({@code POSTAL}): the agency must be the officer's and receive the procedure, which must
     * be offered through that channel; scanned documents come as uploads. The applicant need not have a
     * verified e-mail address (the officer saw the identity card).
     */
    public record CounterSubmission(long applicantId, String officer, String procedureCode, String agencyCode,
            Channel channel, int caseIndex, String formJson, String idempotencyKey) {
    }

    /** The dossier, and whether it already existed (a repeated submission). */
    public record Submitted(Dossier dossier, boolean repeated) {
    }

    static final int MAX_FORM_CHARS = 200_000;
    /** The limits of the draft page's inputs, held on the server too. */
    static final int REPRESENTED_NAME_MAX = 100;
    static final int AUTHORISATION_MAX = 300;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Procedures procedures;
    private final ReceivingAgencies receivers;
    private final DossierCodes codes;
    private final DossierTransitions transitions;
    private final DossierMails mails;
    private final ApplicationEventPublisher events;
    private final DossierFiles documents;
    private final Forms forms;
    private final JsonMapper json;
    private final Applicants applicants;

    DossierSubmission(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, Procedures procedures,
            ReceivingAgencies receivers, DossierCodes codes, DossierTransitions transitions, DossierMails mails,
            ApplicationEventPublisher events, DossierFiles documents, Forms forms, JsonMapper json,
            Applicants applicants) {
        this.applicants = applicants;
        this.documents = documents;
        this.forms = forms;
        this.json = json;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.procedures = procedures;
        this.receivers = receivers;
        this.codes = codes;
        this.transitions = transitions;
        this.mails = mails;
        this.events = events;
    }

    public Submitted submit(Submission submission) {
        return submit(submission, List.of());
    }

    /**
     * Submits with files sent along (the API's multipart parts): they are checked and stored in the
     * same transaction, so a refused submission keeps none of them.
     */
    public Submitted submit(Submission submission, List<Upload> uploads) {
        String key = normaliseKey(submission.idempotencyKey());
        Optional<Earlier> earlier = earlier(submission.applicantId(), key);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), submission, uploads, Channel.ONLINE);
        }
        try {
            return new Submitted(transaction.execute(status -> create(submission, key, uploads, Channel.ONLINE)),
                    false);
        } catch (DuplicateKeyException raced) {
            // The same key was submitted concurrently and the other one committed first: this one rolled back
            // (its files with it) and is answered like any later repeat.
            Earlier winner = earlier(submission.applicantId(), key).orElseThrow(() -> raced);
            return repeated(winner, submission, uploads, Channel.ONLINE);
        }
    }

    /**
     * Registers a dossier brought to the counter or sent by post, in the caller's transaction (a new one if
     * there is none), so that the officer may receive it in the same transaction. A repeated idempotency key
     * answers the first dossier.
     */
    @org.springframework.transaction.annotation.Transactional
    public Submitted registerAtCounter(CounterSubmission counter, List<Upload> uploads) {
        if (counter.channel() == null || counter.channel() == Channel.ONLINE) {
            throw new InvalidInputException(List.of(new FieldProblem("channel", "dossier.counter.channel")));
        }
        String key = normaliseKey(counter.idempotencyKey());
        Submission submission = new Submission(counter.applicantId(), counter.officer(), counter.procedureCode(),
                counter.agencyCode(), counter.caseIndex(), counter.formJson(), List.of(), null, key);
        // Two registrations of one person wait for each other (CounterApplicants locks the person first), so
        // a concurrent repeat finds the first dossier here rather than failing on the unique key.
        Optional<Earlier> earlier = earlier(counter.applicantId(), key);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), submission, uploads, counter.channel());
        }
        return new Submitted(create(submission, key, uploads, counter.channel()), false);
    }

    /**
     * A repeated key: the first dossier if this is the same request (or if the dossier predates fingerprints,
     * when nothing tells otherwise), else the key was reused for another request and nothing is made. A draft's
     * key is the server's, not a client's: the draft became that dossier and is gone (a second click that reads
     * it while the first one commits may see it without its documents), so the dossier is the answer.
     */
    private Submitted repeated(Earlier earlier, Submission submission, List<Upload> uploads, Channel channel) {
        if (submission.fromDraft() == null && earlier.fingerprint() != null
                && !earlier.fingerprint().equals(fingerprint(submission, channel, requestFiles(submission, uploads)))) {
            throw new IdempotencyKeyReusedException();
        }
        return new Submitted(earlier.dossier(), true);
    }

    /** The files of a request before they are stored: documents already stored, then the uploads' bytes. */
    private List<RequestFingerprint.File> requestFiles(Submission submission, List<Upload> uploads) {
        List<RequestFingerprint.File> files = new ArrayList<>();
        if (submission.attachments() != null) {
            for (Attachment attachment : submission.attachments()) {
                files.add(new RequestFingerprint.File(attachment.componentIndex(),
                        documents.sha256(attachment.documentId()).orElse("unknown " + attachment.documentId())));
            }
        }
        for (Upload upload : uploads) {
            try (InputStream in = upload.content().getInputStream()) {
                files.add(new RequestFingerprint.File(upload.componentIndex(), RequestFingerprint.sha256(in)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String fingerprint(Submission submission, Channel channel, List<RequestFingerprint.File> files) {
        return RequestFingerprint.of(submission.procedureCode(), submission.agencyCode(), channel,
                submission.caseIndex(), submission.formJson(), submission.representation(), files);
    }

    private Dossier create(Submission submission, String key, List<Upload> uploads, Channel channel) {
        boolean online = channel == Channel.ONLINE;
        if (online && !applicants.maySubmitDossiers(submission.applicantId())) {
            throw new ConflictException("dossier.applicant.unverified");
        }
        Procedure procedure = procedures.find(submission.procedureCode())
                .orElseThrow(() -> new NotFoundException("dossier.procedure.unknown", submission.procedureCode()));
        List<FieldProblem> problems = new ArrayList<>();
        if (online && (procedure.content().serviceLevel().compareTo(ServiceLevel.LEVEL_3) < 0
                || procedure.terms(Channel.ONLINE).isEmpty())) {
            throw new InvalidInputException("dossier.procedure.not-online", procedure.code());
        }
        if (!online && procedure.terms(channel).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("channel", "dossier.counter.channel-not-offered",
                    procedure.code())));
        }
        if (!online && (submission.agencyCode() == null || submission.agencyCode().isBlank())) {
            throw new IllegalArgumentException("a counter registration names the officer's agency");
        }
        String agencyCode = receivingAgency(procedure, submission.agencyCode(), problems);
        List<ComponentCase> cases = procedure.content().components();
        ComponentCase chosen = null;
        if (cases.isEmpty() && submission.caseIndex() != 0) {
            // A version without cases has only the one implicit case 0; any other is a mistake of the caller.
            problems.add(new FieldProblem("caseIndex", "dossier.case.none", procedure.code()));
        } else if (!cases.isEmpty()) {
            if (submission.caseIndex() < 0 || submission.caseIndex() >= cases.size()) {
                problems.add(new FieldProblem("caseIndex", "dossier.case.unknown"));
            } else {
                chosen = cases.get(submission.caseIndex());
            }
        }
        String form = checkForm(submission.formJson(), problems);
        if (problems.stream().noneMatch(p -> p.field().equals("form"))) {
            FormCheck check = forms.check(procedure.versionId(), json.readTree(form));
            check.problems().forEach(p -> problems.add(
                    new FieldProblem("form." + p.path(), "dossier.form.problem", p.message())));
            form = json.writeValueAsString(check.answers());
        }
        List<Attachment> attachments = new ArrayList<>(
                submission.attachments() == null ? List.of() : submission.attachments());
        // The SHA-256 of each file, for the request's fingerprint: from the document store, which computed it.
        java.util.Map<UUID, String> sha256 = new java.util.HashMap<>();
        for (Attachment attachment : attachments) {
            UUID id = attachment.documentId();
            documents.reserve(id).ifPresentOrElse(sha -> sha256.put(id, sha),
                    () -> problems.add(new FieldProblem("files", "dossier.document.unknown")));
        }
        int componentCount = chosen == null ? 0 : chosen.components().size();
        for (Upload upload : uploads) {
            if (upload.componentIndex() < 0 || upload.componentIndex() >= componentCount) {
                problems.add(new FieldProblem("component." + upload.componentIndex(), "dossier.component.unknown",
                        upload.componentIndex() + 1));
            } else {
                attachments.add(new Attachment(upload.componentIndex(), null));
            }
        }
        if (chosen != null) {
            checkComponents(chosen, attachments, problems);
        } else if (!attachments.isEmpty() && cases.isEmpty()) {
            problems.add(new FieldProblem("files", "dossier.component.unknown", 1));
        }
        checkRepresentation(submission.representation(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        attachments.removeIf(a -> a.documentId() == null);
        for (Upload upload : uploads) {
            var stored = store("component." + upload.componentIndex(), upload.fileName(), upload.content(),
                    chosen.components().get(upload.componentIndex()));
            sha256.put(stored.id(), stored.sha256());
            attachments.add(new Attachment(upload.componentIndex(), stored.id()));
        }
        String fingerprint = fingerprint(submission, channel, attachments.stream()
                .map(a -> new RequestFingerprint.File(a.componentIndex(), sha256.get(a.documentId()))).toList());

        // Everything that does not need the code before taking it: the agency's day counter stays locked
        // from here to the commit, and the agency's other submissions wait for it (ADR 0013).
        var recipient = mails.recipient(submission.applicantId());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, VietnamTime.ZONE);
        String code = codes.next(agencyCode, day);
        Representation rep = submission.representation();
        long id = jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, on_behalf, represented_name, represented_id, authorisation_note,
                                    channel, status, case_index, form, submitted_at, idempotency_key,
                                    request_fingerprint)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?::jsonb, ?, ?, ?) returning id""")
                .params(code, procedure.versionId(), procedure.code(), procedure.name(), agencyCode,
                        submission.applicantId(), rep != null,
                        rep == null ? null : PersonName.clean(rep.representedName()),
                        rep == null ? null : rep.representedId().strip(),
                        rep == null ? null : rep.authorisation().strip(), channel.name(), submission.caseIndex(), form,
                        Timestamp.from(now), key, fingerprint)
                .query(Long.class).single();
        for (Attachment attachment : attachments) {
            DossierComponent component = chosen.components().get(attachment.componentIndex());
            jdbc.sql("""
                    insert into dossier_document(dossier_id, document_id, component_index, component_name, kind, added_at)
                    values (?, ?, ?, ?, 'ATTACHMENT', ?)""")
                    .params(id, attachment.documentId(), attachment.componentIndex(), component.name(),
                            Timestamp.from(now))
                    .update();
        }
        if (submission.fromDraft() != null) {
            jdbc.sql("delete from dossier_draft where id = ? and applicant_id = ?")
                    .params(submission.fromDraft(), submission.applicantId()).update();
        }
        transitions.timeline(id, now, submission.actor(), online ? "SUBMITTED" : "REGISTERED_" + channel.name(), null,
                DossierStatus.NEWLY_SUBMITTED,
                rep == null ? null : PersonName.clean(rep.representedName()));
        Dossier dossier = transitions.lock(code);
        mails.submitted(dossier, recipient);
        events.publishEvent(new DossierSubmitted(code, agencyCode, procedure.code(), procedure.versionId(),
                channel, now));
        return dossier;
    }

    private vn.dvc.document.StoredDocument store(String field, String fileName, InputStreamSource content,
            DossierComponent component) {
        try (InputStream in = content.getInputStream()) {
            return documents.storeDocument(field, fileName, in, DossierFiles.rules(component));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String receivingAgency(Procedure procedure, String requested, List<FieldProblem> problems) {
        List<Agency> candidates = receivers.of(procedure);
        if (requested == null || requested.isBlank()) {
            if (candidates.size() == 1) {
                return candidates.get(0).code();
            }
            problems.add(new FieldProblem("agencyCode", "dossier.agency.required"));
            return null;
        }
        if (candidates.stream().noneMatch(a -> a.code().equals(requested.strip()))) {
            problems.add(new FieldProblem("agencyCode", "dossier.agency.not-receiving", requested.strip()));
            return null;
        }
        return requested.strip();
    }

    private static String checkForm(String formJson, List<FieldProblem> problems) {
        String form = formJson == null || formJson.isBlank() ? "{}" : formJson.strip();
        if (form.length() > MAX_FORM_CHARS) {
            problems.add(new FieldProblem("form", "dossier.form.too-large"));
        } else if (!form.startsWith("{") || !JsonText.isObject(form)) {
            problems.add(new FieldProblem("form", "dossier.form.not-object"));
        } else if (JsonText.holdsNul(form)) {
            problems.add(new FieldProblem("form", "dossier.form.nul-character"));
        }
        return form;
    }

    private static void checkComponents(ComponentCase chosen, List<Attachment> attachments, List<FieldProblem> problems) {
        List<DossierComponent> components = chosen.components();
        for (Attachment attachment : attachments) {
            if (attachment.componentIndex() < 0 || attachment.componentIndex() >= components.size()) {
                problems.add(new FieldProblem("files", "dossier.component.unknown", attachment.componentIndex() + 1));
            }
        }
        for (int i = 0; i < components.size(); i++) {
            int index = i;
            if (components.get(i).required() && attachments.stream().noneMatch(a -> a.componentIndex() == index)) {
                problems.add(new FieldProblem("component." + i, "dossier.component.missing", components.get(i).name()));
            }
        }
    }

    private static void checkRepresentation(Representation rep, List<FieldProblem> problems) {
        if (rep == null) {
            return;
        }
        String name = PersonName.clean(rep.representedName());
        boolean organisation = rep.representedId() != null && rep.representedId().strip().matches("\\d{10}(-\\d{3})?");
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("representedName", "dossier.representation.name-required"));
        } else if (name.codePointCount(0, name.length()) > REPRESENTED_NAME_MAX) {
            problems.add(new FieldProblem("representedName", "dossier.representation.name-too-long",
                    REPRESENTED_NAME_MAX));
        } else if (!organisation) {
            // A person (identity card number) has a person's name; an organisation's (tax code) may hold digits.
            PersonName.problem(name).ifPresent(p -> problems.add(new FieldProblem("representedName",
                    p == PersonName.Problem.TOO_SHORT ? "dossier.representation.name-too-short"
                            : "dossier.representation.name-characters", PersonName.MIN_LENGTH)));
        }
        if (rep.representedId() == null || !rep.representedId().strip().matches("\\d{9}|\\d{12}|\\d{10}(-\\d{3})?")) {
            problems.add(new FieldProblem("representedId", "dossier.representation.id-invalid"));
        }
        if (rep.authorisation() == null || rep.authorisation().isBlank()) {
            problems.add(new FieldProblem("authorisation", "dossier.representation.authorisation-required"));
        } else if (rep.authorisation().strip().length() > AUTHORISATION_MAX) {
            problems.add(new FieldProblem("authorisation", "dossier.representation.authorisation-too-long",
                    AUTHORISATION_MAX));
        }
    }

    private static String normaliseKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() > 100) {
            throw new InvalidInputException("dossier.idempotency-key.too-long");
        }
        return k;
    }

    /** The dossier this applicant submitted from the draft, if any (the draft is deleted then). */
    public Optional<Dossier> submittedFromDraft(long applicantId, UUID draftId) {
        return findByKey(applicantId, DossierDrafts.IDEMPOTENCY_KEY_PREFIX + draftId);
    }

    /** A dossier made earlier with a key, and the fingerprint of its request (null before V25). */
    private record Earlier(Dossier dossier, String fingerprint) {
    }

    private Optional<Earlier> earlier(long applicantId, String key) {
        return findByKey(applicantId, key).map(d -> new Earlier(d, jdbc.sql(
                "select request_fingerprint from dossier where id = ?").param(d.id())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null)));
    }

    private Optional<Dossier> findByKey(long applicantId, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql(Dossiers.COLUMNS + " where d.applicant_id = ? and d.idempotency_key = ?")
                .params(applicantId, key).query(Dossiers::map).optional();
    }
}
