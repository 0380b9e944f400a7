package vn.dvc.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.document.DocumentResponses;
import vn.dvc.document.Documents;
import vn.dvc.document.UploadRules;
import vn.dvc.dossier.DossierDrafts.Draft;
import vn.dvc.dossier.DossierDrafts.DraftDocument;
import vn.dvc.form.FieldProblem;
import vn.dvc.form.FormCheck;
import vn.dvc.form.FormDefinition;
import vn.dvc.form.Forms;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Applicants;
import vn.dvc.identity.CurrentUser;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * Applying online: a draft per application, kept on the server. One page holds the receiving agency,
 * the e-form, the files per dossier component and the representation; every post saves the draft
 * first (so nothing typed is lost), then uploads, removes a file, adds or removes a group item, or
 * submits. A script saves the draft as the applicant types; without it, "Lưu nháp" does.
 */
@Controller
class DraftPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One dossier component on the page, with the files already attached to it. */
    record ComponentView(int index, String name, boolean required, int originals, int copies,
            List<FileView> files, UploadRules rules) {
    }

    record FileView(UUID documentId, String fileName, long size) {
    }

    private final DossierDrafts drafts;
    private final DossierSubmission submission;
    private final Procedures procedures;
    private final ReceivingAgencies receivers;
    private final Forms forms;
    private final Documents documents;
    private final DocumentResponses responses;
    private final Applicants applicants;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final JsonMapper json;

    DraftPages(DossierDrafts drafts, DossierSubmission submission, Procedures procedures, ReceivingAgencies receivers,
            Forms forms, Documents documents, DocumentResponses responses, Applicants applicants,
            CurrentUser currentUser, TransactionTemplate transaction, MessageSource messages, JsonMapper json) {
        this.drafts = drafts;
        this.submission = submission;
        this.procedures = procedures;
        this.receivers = receivers;
        this.forms = forms;
        this.documents = documents;
        this.responses = responses;
        this.applicants = applicants;
        this.currentUser = currentUser;
        this.transaction = transaction;
        this.messages = messages;
        this.json = json;
    }

    /** Starts an application: a new draft with the form prefilled from the applicant's profile. */
    @PostMapping("/procedures/{code}/apply")
    String start(@PathVariable String code) {
        AccountPrincipal applicant = applicant();
        Procedure procedure = procedures.find(code)
                .orElseThrow(() -> new NotFoundException("dossier.procedure.unknown", code));
        FormDefinition definition = forms.definitionFor(procedure.versionId());
        Map<String, String> known = applicants.profile(applicant.id()).map(p -> p.prefillData()).orElse(Map.of());
        JsonNode prefilled = forms.prefill(definition, json.createObjectNode(), known);
        Draft draft = drafts.start(applicant.id(), code, json.writeValueAsString(prefilled));
        return "redirect:/drafts/" + draft.id();
    }

    @GetMapping("/drafts/{id}")
    String page(@PathVariable UUID id, Model model) {
        Optional<String> submitted = submittedAs(id);
        if (submitted.isPresent()) {
            return "redirect:/dossiers/" + submitted.get();
        }
        Draft draft = owned(id);
        render(model, draft, json.readTree(draft.formJson()), List.of(), List.of());
        return "dossier/draft";
    }

    @PostMapping("/drafts/{id}")
    String post(@PathVariable UUID id, MultipartHttpServletRequest request, Model model, RedirectAttributes redirect,
            Locale locale) {
        try {
            return saveOrSubmit(id, request, model, redirect, locale);
        } catch (NotFoundException gone) {
            // A second click on "Nộp hồ sơ" (or the form sent again from the browser's history) while or
            // after the first one made the dossier from this draft: that dossier is what the applicant
            // wants to see.
            Optional<String> submitted = submittedAs(id);
            if (submitted.isEmpty()) {
                throw gone;
            }
            redirect.addFlashAttribute("done", "dossier.submitted");
            return "redirect:/dossiers/" + submitted.get();
        }
    }

    private String saveOrSubmit(UUID id, MultipartHttpServletRequest request, Model model, RedirectAttributes redirect,
            Locale locale) {
        AccountPrincipal applicant = applicant();
        Draft draft = owned(id);
        Procedure procedure = currentVersion(draft);
        FormDefinition definition = forms.definitionFor(procedure.versionId());
        Map<String, String[]> params = request.getParameterMap();
        JsonNode answers = forms.fromParameters(definition, params);
        Optional<JsonNode> itemChanged = forms.applyItemButton(definition, answers, params);
        if (itemChanged.isPresent()) {
            answers = itemChanged.get();
        }
        Draft saved;
        try {
            saved = drafts.save(id, applicant.id(), intParam(request, "version", -1), request.getParameter("agencyCode"),
                    caseIndex(request, procedure), json.writeValueAsString(answers), representation(request));
        } catch (InvalidInputException refused) {
            // Nothing saved (a form over the size limit): the page again, with what was sent and why.
            render(model, draft, answers, List.of(), List.of(text(refused.messageKey(), refused.args(), locale)));
            return "dossier/draft";
        } catch (ConflictException stale) {
            Draft latest = owned(id);
            if ("submit".equals(request.getParameter("action")) && itemChanged.isEmpty() && !hasFiles(request)
                    && sameAnswers(latest, answers, request)) {
                // A double click on "Nộp hồ sơ": the first click saved these very answers a moment ago.
                // Submitting again is safe (the draft's idempotency key makes it the same dossier). Not
                // with files: the first click may still be storing them, and they would be missed.
                return submit(latest, definition, answers, applicant, model, redirect, locale);
            }
            // Another device saved meanwhile: show what this page sent, based on the latest version.
            render(model, latest, answers, List.of(), List.of(text(stale.messageKey(), stale.args(), locale)));
            return "dossier/draft";
        }
        List<String> pageErrors = new ArrayList<>();
        upload(saved, request, pageErrors, locale);
        String remove = request.getParameter("removeDocument");
        if (remove != null && !remove.isBlank()) {
            removeDocument(saved, applicant.id(), remove);
        }
        if (!pageErrors.isEmpty() || itemChanged.isPresent()) {
            render(model, owned(id), answers, List.of(), pageErrors);
            return "dossier/draft";
        }
        if ("submit".equals(request.getParameter("action"))) {
            return submit(owned(id), definition, answers, applicant, model, redirect, locale);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/drafts/" + id;
    }

    /** The autosave of the page's script: saves the form and answers the new version. */
    @PostMapping("/drafts/{id}/autosave")
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable UUID id, HttpServletRequest request, Locale locale) {
        AccountPrincipal applicant = applicant();
        Draft draft = owned(id);
        Procedure procedure = currentVersion(draft);
        FormDefinition definition = forms.definitionFor(procedure.versionId());
        JsonNode answers = forms.fromParameters(definition, request.getParameterMap());
        try {
            Draft saved = drafts.save(id, applicant.id(), intParam(request, "version", -1),
                    request.getParameter("agencyCode"), caseIndex(request, procedure),
                    json.writeValueAsString(answers), representation(request));
            return ResponseEntity.ok(Map.of("version", saved.version(), "message", text("dossier.draft.autosaved",
                    new Object[] {TIME.format(saved.updatedAt().atZone(VietnamTime.ZONE))}, locale)));
        } catch (InvalidInputException refused) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .body(Map.of("code", "invalid-input", "message", text(refused.messageKey(), refused.args(), locale)));
        } catch (ConflictException stale) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("code", "stale", "message", text(stale.messageKey(), stale.args(), locale)));
        }
    }

    @PostMapping("/drafts/{id}/discard")
    String discard(@PathVariable UUID id, RedirectAttributes redirect) {
        AccountPrincipal applicant = applicant();
        transaction.executeWithoutResult(s -> drafts.discard(id, applicant.id()).forEach(documents::delete));
        redirect.addFlashAttribute("done", "dossier.draft.discarded");
        return "redirect:/dossiers";
    }

    @GetMapping("/drafts/{id}/documents/{documentId}")
    ResponseEntity<StreamingResponseBody> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        owned(id);
        return drafts.documents(id).stream().filter(d -> d.documentId().equals(documentId)).findFirst()
                .map(d -> responses.preview(d.documentId()))
                .orElseThrow(() -> new NotFoundException("dossier.draft.not-found"));
    }

    private String submit(Draft draft, FormDefinition definition, JsonNode answers, AccountPrincipal applicant,
            Model model, RedirectAttributes redirect, Locale locale) {
        FormCheck check = forms.check(definition, answers);
        // The receiving agency is asked for together with the form's problems, not only once they are fixed.
        boolean agencyMissing = (draft.agencyCode() == null || draft.agencyCode().isBlank())
                && receivers.of(currentVersion(draft)).size() > 1;
        if (!check.ok() || agencyMissing) {
            render(model, draft, answers, check.problems(),
                    agencyMissing ? List.of(text("dossier.agency.required", new Object[0], locale)) : List.of());
            model.addAttribute("agencyMissing", agencyMissing);
            return "dossier/draft";
        }
        try {
            Dossier dossier = submission.submit(drafts.submission(draft, applicant.getUsername())).dossier();
            redirect.addFlashAttribute("done", "dossier.submitted");
            return "redirect:/dossiers/" + dossier.code();
        } catch (InvalidInputException e) {
            List<String> errors = e.fieldProblems().isEmpty() ? List.of(text(e.messageKey(), e.args(), locale))
                    : e.fieldProblems().stream().map(f -> text(f.messageKey(), f.args().toArray(), locale)).toList();
            render(model, draft, answers, List.of(), errors);
            return "dossier/draft";
        } catch (ConflictException e) {
            render(model, draft, answers, List.of(), List.of(text(e.messageKey(), e.args(), locale)));
            return "dossier/draft";
        }
    }

    private void upload(Draft draft, MultipartHttpServletRequest request, List<String> errors, Locale locale) {
        List<DossierComponent> components = components(currentVersion(draft), draft.caseIndex());
        request.getMultiFileMap().forEach((name, files) -> {
            if (!name.startsWith("file.")) {
                return;
            }
            int index = intOr(name.substring(5), -1);
            for (MultipartFile file : files) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                    continue; // an input left empty
                }
                if (index < 0 || index >= components.size()) {
                    errors.add(text("dossier.component.unknown", new Object[] {index + 1}, locale));
                    continue;
                }
                try {
                    transaction.executeWithoutResult(s -> {
                        try (InputStream in = file.getInputStream()) {
                            UUID stored = documents.store(name, file.getOriginalFilename(), in,
                                    DossierFiles.rules(components.get(index))).id();
                            drafts.attach(draft.id(), draft.applicantId(), index, components.get(index).name(), stored);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (InvalidInputException e) {
                    e.fieldProblems().forEach(f -> errors.add(text(f.messageKey(), f.args().toArray(), locale)));
                }
            }
        });
    }

    private void removeDocument(Draft draft, long applicantId, String documentId) {
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            return;
        }
        transaction.executeWithoutResult(s -> {
            if (drafts.detach(draft.id(), applicantId, id)) {
                documents.delete(id);
            }
        });
    }

    private void render(Model model, Draft draft, JsonNode answers, List<FieldProblem> problems,
            List<String> pageErrors) {
        Procedure procedure = currentVersion(draft);
        List<Agency> agencies = receivers.of(procedure);
        List<ComponentCase> cases = procedure.content().components();
        int caseIndex = draft.caseIndex() < cases.size() ? draft.caseIndex() : 0;
        List<DraftDocument> attached = drafts.documents(draft.id());
        List<ComponentView> components = new ArrayList<>();
        List<DossierComponent> list = components(procedure, caseIndex);
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            DossierComponent c = list.get(i);
            components.add(new ComponentView(i, c.name(), c.required(), c.originals(), c.copies(),
                    attached.stream().filter(d -> d.componentIndex() == index).map(d -> {
                        var stored = documents.describe(d.documentId());
                        return new FileView(d.documentId(), stored.fileName(), stored.size());
                    }).toList(), DossierFiles.rules(c)));
        }
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", procedure);
        model.addAttribute("agencies", agencies);
        model.addAttribute("agencyGroups", receivers.grouped(procedure));
        model.addAttribute("cases", cases);
        model.addAttribute("caseIndex", caseIndex);
        model.addAttribute("components", components);
        model.addAttribute("definition", forms.definitionFor(procedure.versionId()));
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        model.addAttribute("pageErrors", pageErrors);
        model.addAttribute("updatedAt", draft.updatedAt().atZone(VietnamTime.ZONE));
    }

    private static List<DossierComponent> components(Procedure procedure, int caseIndex) {
        List<ComponentCase> cases = procedure.content().components();
        return cases.isEmpty() ? List.of() : cases.get(caseIndex < cases.size() ? caseIndex : 0).components();
    }

    private Procedure currentVersion(Draft draft) {
        return procedures.find(draft.procedureCode())
                .orElseThrow(() -> new NotFoundException("dossier.procedure.unknown", draft.procedureCode()));
    }

    private static Representation representation(HttpServletRequest request) {
        if (!"true".equals(request.getParameter("onBehalf"))) {
            return null;
        }
        return new Representation(trim(request.getParameter("representedName")),
                trim(request.getParameter("representedId")), trim(request.getParameter("authorisation")));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * The case the page chose: absent is the first; one the procedure version does not have (or any but 0 when it
     * has no cases, or not a number) is refused, not quietly replaced by the first.
     */
    private static int caseIndex(HttpServletRequest request, Procedure procedure) {
        String value = request.getParameter("caseIndex");
        if (value == null || value.isBlank()) {
            return 0;
        }
        int index = value.strip().matches("\\d{1,6}") ? Integer.parseInt(value.strip()) : -1;
        int cases = procedure.content().components().size();
        if (cases == 0 && index != 0) {
            throw new InvalidInputException("dossier.case.none", procedure.code());
        }
        if (cases > 0 && (index < 0 || index >= cases)) {
            throw new InvalidInputException("dossier.case.unknown");
        }
        return index;
    }

    private static int intParam(HttpServletRequest request, String name, int fallback) {
        return intOr(request.getParameter(name), fallback);
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private static boolean hasFiles(MultipartHttpServletRequest request) {
        return request.getMultiFileMap().values().stream().flatMap(List::stream)
                .anyMatch(f -> !f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank());
    }

    /** Whether the saved draft holds what this request sent (nothing was changed elsewhere). */
    private boolean sameAnswers(Draft saved, JsonNode answers, HttpServletRequest request) {
        String agency = request.getParameter("agencyCode");
        return json.readTree(saved.formJson()).equals(answers)
                && Objects.equals(saved.agencyCode(), agency == null || agency.isBlank() ? null : agency)
                && saved.caseIndex() == Math.max(0, intParam(request, "caseIndex", 0))
                && Objects.equals(saved.representation(), representation(request));
    }

    /** The code of the dossier this applicant's draft became, when it was submitted (the draft is gone then). */
    private Optional<String> submittedAs(UUID id) {
        return submission.submittedFromDraft(applicant().id(), id).map(Dossier::code);
    }

    private Draft owned(UUID id) {
        return drafts.find(id, applicant().id()).orElseThrow(() -> new NotFoundException("dossier.draft.not-found"));
    }

    private AccountPrincipal applicant() {
        return Applicant.of(currentUser);
    }
}
