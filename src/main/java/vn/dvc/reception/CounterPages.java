package vn.dvc.reception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureQuery;
import vn.dvc.catalogue.Procedures;
import vn.dvc.dossier.DossierSubmission.Upload;
import vn.dvc.form.FormCheck;
import vn.dvc.form.FormDefinition;
import vn.dvc.form.Forms;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CounterApplicants.CounterApplicant;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.ProblemException;

/**
 * The reception officer's page for a dossier brought to the counter or sent by post: choose one of the
 * agency's procedures, then type the applicant (a citizen from the identity card, or an organisation from its
 * registration papers, with its legal representative), fill the procedure's e-form, attach the
 * scanned documents and register (and receive at once if ticked).
 */
@Controller
class CounterPages {

    private static final Pattern COMPONENT_PART = Pattern.compile("component\\.(\\d{1,3})");

    private final CounterRegistration registration;
    private final Procedures procedures;
    private final Forms forms;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final MessageSource messages;

    CounterPages(CounterRegistration registration, Procedures procedures, Forms forms, CurrentUser currentUser,
            JsonMapper json, MessageSource messages) {
        this.registration = registration;
        this.procedures = procedures;
        this.forms = forms;
        this.currentUser = currentUser;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/reception/register")
    String start(@RequestParam(required = false) String procedureCode, @RequestParam(required = false) String q,
            Model model) {
        AccountPrincipal officer = officer();
        if (procedureCode == null || procedureCode.isBlank()) {
            PageResult<vn.dvc.catalogue.ProcedureSummary> found = procedures.search(new ProcedureQuery(
                    q == null ? "" : q, officer.agencyCode(), null, null, null, null, 0, 50));
            model.addAttribute("found", found.items());
            model.addAttribute("q", q == null ? "" : q);
            return "reception/register-choose";
        }
        Procedure procedure = procedure(procedureCode);
        FormDefinition definition = forms.definitionFor(procedure.versionId());
        render(model, procedure, definition, json.createObjectNode(), List.of(), Map.of(), Map.of("channel", "DIRECT", "applicantKind", "CITIZEN"));
        return "reception/register";
    }

    @PostMapping("/reception/register")
    String register(@RequestParam String procedureCode, HttpServletRequest request, Model model,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        Procedure procedure = procedure(procedureCode);
        FormDefinition definition = forms.definitionFor(procedure.versionId());
        JsonNode answers = forms.fromParameters(definition, request.getParameterMap());
        Map<String, String> typed = typed(request);
        FormCheck check = forms.check(definition, answers);
        if (!check.ok()) {
            render(model, procedure, definition, answers, check.problems(), Map.of(), typed);
            return "reception/register";
        }
        try {
            Channel channel = CounterApi.channel(request.getParameter("channel"));
            int caseIndex = caseIndex(request.getParameter("caseIndex"));
            CounterRegistration.Registered done = registration.register(officer, new CounterRegistration.Registration(
                    CounterApi.applicant(request), procedure.code(), channel, caseIndex,
                    json.writeValueAsString(check.answers()), "true".equals(request.getParameter("receive")),
                    blankToNull(request.getParameter("submissionKey"))),
                    uploads(files(request)));
            redirect.addFlashAttribute("done", "reception.counter.done");
            return "redirect:/reception/dossiers/" + done.dossier().code();
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (e instanceof InvalidInputException invalid && !invalid.fieldProblems().isEmpty()) {
                invalid.fieldProblems().forEach(f -> errors.merge(f.field(),
                        label(f.field(), locale)
                                + messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale),
                        (a, b) -> a + " " + b));
            } else {
                errors.put("page", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            }
            render(model, procedure, definition, answers, List.of(), errors, typed);
            return "reception/register";
        }
    }

    private void render(Model model, Procedure procedure, FormDefinition definition, JsonNode answers,
            List<vn.dvc.form.FieldProblem> problems, Map<String, String> errors, Map<String, String> typed) {
        List<ComponentCase> cases = procedure.content().components();
        int caseIndex = parseInt(typed.get("caseIndex"));
        model.addAttribute("procedure", procedure);
        model.addAttribute("cases", cases);
        model.addAttribute("caseIndex", caseIndex);
        model.addAttribute("components", cases.isEmpty() || caseIndex >= cases.size() ? List.of()
                : cases.get(caseIndex).components());
        model.addAttribute("channels", List.of(Channel.DIRECT, Channel.POSTAL).stream()
                .filter(c -> procedure.terms(c).isPresent()).map(Channel::name).toList());
        model.addAttribute("definition", definition);
        model.addAttribute("answers", answers);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        // One key per form shown (kept when it comes back with problems): pressing "register" twice registers once.
        String key = typed.get("submissionKey");
        model.addAttribute("submissionKey", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
    }

    /**
     * "Label: " for an applicant's field, so that a message such as "Trường này là bắt buộc." in the list above
     * the form says which field it is about; nothing for other fields (their messages name them).
     */
    private String label(String field, Locale locale) {
        String key = APPLICANT_LABELS.get(field);
        return key == null ? "" : messages.getMessage(key, null, key, locale) + ": ";
    }

    private static final Map<String, String> APPLICANT_LABELS = Map.ofEntries(
            Map.entry("applicantFullName", "reception.counter.full-name"),
            Map.entry("applicantCitizenId", "reception.counter.citizen-id"),
            Map.entry("applicantDateOfBirth", "reception.counter.date-of-birth"),
            Map.entry("applicantSex", "reception.counter.sex"),
            Map.entry("applicantPhone", "reception.counter.phone"),
            Map.entry("applicantEmail", "reception.counter.email"),
            Map.entry("applicantAddress", "reception.counter.address"),
            Map.entry("applicantTaxCode", "reception.counter.tax-code"),
            Map.entry("applicantOrganisationName", "reception.counter.organisation-name"),
            Map.entry("applicantRepresentative", "reception.counter.representative"),
            Map.entry("applicantRepresentativeCitizenId", "reception.counter.representative-citizen-id"),
            Map.entry("applicantRepresentativePosition", "reception.counter.representative-position"));

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : List.of("applicantKind", "applicantFullName", "applicantCitizenId",
                "applicantDateOfBirth", "applicantSex", "applicantPhone", "applicantEmail", "applicantAddress",
                "applicantTaxCode", "applicantOrganisationName", "applicantRepresentative",
                "applicantRepresentativeCitizenId", "applicantRepresentativePosition", "channel", "caseIndex",
                "receive", "submissionKey")) {
            String value = request.getParameter(name);
            typed.put(name, value == null ? "" : value);
        }
        return typed;
    }

    /** The request's files; none when the form was posted without any (not as multipart). */
    private static MultiValueMap<String, MultipartFile> files(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return multipart == null ? new LinkedMultiValueMap<>() : multipart.getMultiFileMap();
    }

    /** File parts named {@code component.<n>} (n from 1); empty file inputs are skipped. */
    static List<Upload> uploads(MultiValueMap<String, MultipartFile> parts) {
        List<Upload> uploads = new ArrayList<>();
        parts.forEach((name, files) -> {
            Matcher m = COMPONENT_PART.matcher(name);
            if (!m.matches()) {
                throw new InvalidInputException("dossier.file.part-name", name);
            }
            for (MultipartFile file : files) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                    continue;
                }
                uploads.add(new Upload(Integer.parseInt(m.group(1)) - 1, file.getOriginalFilename(), file));
            }
        });
        return uploads;
    }

    private Procedure procedure(String code) {
        return procedures.find(code == null ? "" : code.strip())
                .orElseThrow(() -> new vn.dvc.shared.NotFoundException("dossier.procedure.unknown", code));
    }

    /** The case chosen: blank is the first (0); anything not a whole number from 0 is refused downstream (-1). */
    private static int caseIndex(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().matches("\\d{1,6}") ? Integer.parseInt(text.strip()) : -1;
    }

    private static int parseInt(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Reception.officerAgency(principal);
        if (!principal.has(Role.RECEPTION_OFFICER)) {
            throw new AccessDeniedException("only reception officers register dossiers");
        }
        return principal;
    }
}
