package vn.dvc.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Administration of the catalogue: agency administrators manage their own agency's procedures; the
 * provincial coordinator and the system administrator manage all. The scope is applied by the data
 * access ({@link Procedures#findManageable}), the role check here is a second line.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasAnyRole('AGENCY_ADMIN','PROVINCIAL_COORDINATOR','SYSTEM_ADMIN')")
class CatalogueAdminPages {

    /** The label of each form field, so that a message in the error summary says which field it is about. */
    private static final java.util.Map<String, String> FIELD_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("code", "procedure.code"), java.util.Map.entry("name", "admin.procedure.name"),
            java.util.Map.entry("field", "procedure.field"), java.util.Map.entry("leadAgencyCode", "procedure.leadAgency"),
            java.util.Map.entry("implementations", "procedure.implementedBy"),
            java.util.Map.entry("serviceLevel", "search.serviceLevel"),
            java.util.Map.entry("onlineMode", "search.onlineMode"), java.util.Map.entry("channels", "procedure.channels"),
            java.util.Map.entry("components", "procedure.components"), java.util.Map.entry("steps", "procedure.steps"),
            java.util.Map.entry("applicants", "procedure.applicants"), java.util.Map.entry("results", "procedure.results"),
            java.util.Map.entry("conditions", "procedure.conditions"),
            java.util.Map.entry("legalBasis", "procedure.legalBasis"), java.util.Map.entry("sourceUrl", "procedure.source"),
            java.util.Map.entry("file", "admin.template.file"), java.util.Map.entry("component", "admin.template.component"));

    private final Procedures procedures;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    CatalogueAdminPages(Procedures procedures, ProcedureCatalogue catalogue, CurrentUser currentUser,
            MessageSource messages) {
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping
    String index() {
        return "catalogue/admin-index";
    }

    @GetMapping("/procedures")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        ProcedureQuery query = CatalogueQueries.parse(q, null, null, null, null, null, page, null)
                .manageableBy(currentUser.scope());
        PageResult<ProcedureSummary> result = procedures.search(query);
        model.addAttribute("q", q);
        model.addAttribute("result", result);
        model.addAttribute("pageBase", "/admin/procedures?" + (q == null || q.isBlank() ? ""
                : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&"));
        return "catalogue/admin-list";
    }

    @GetMapping("/procedures/new")
    String newProcedure(Model model) {
        ProcedureForm form = new ProcedureForm();
        currentUser.principal().map(p -> p.agencyCode()).ifPresent(form::setLeadAgencyCode);
        model.addAttribute("form", form);
        model.addAttribute("creating", true);
        return "catalogue/admin-edit";
    }

    @PostMapping("/procedures/new")
    String create(@ModelAttribute("form") ProcedureForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        ProcedureContent content = form.toContent(problems, null);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Procedure saved = catalogue.add(content, currentUser.scope(), currentUser.actor());
            redirect.addFlashAttribute("saved", saved.versionNo());
            return "redirect:/procedures/" + saved.code();
        } catch (InvalidInputException e) {
            return refuse(model, response, true, e.fieldProblems().isEmpty()
                    ? List.of(new FieldProblem("", e.messageKey(), e.args())) : e.fieldProblems());
        }
    }

    @GetMapping("/procedures/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        Procedure procedure = procedures.findManageable(code, currentUser.scope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", ProcedureForm.of(procedure));
        model.addAttribute("history", procedures.history(code));
        model.addAttribute("componentNames", componentNames(procedure));
        model.addAttribute("creating", false);
        return "catalogue/admin-edit";
    }

    @PostMapping("/procedures/{code}/edit")
    String revise(@PathVariable String code, @ModelAttribute("form") ProcedureForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Procedure previous = procedures.findManageable(code, currentUser.scope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        form.setCode(code);
        List<FieldProblem> problems = new ArrayList<>();
        ProcedureContent content = form.toContent(problems, previous);
        model.addAttribute("history", procedures.history(code));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Procedure saved = catalogue.revise(code, form.getBasedOnVersion(), content, form.getChangeNote(),
                    currentUser.scope(), currentUser.actor());
            redirect.addFlashAttribute("saved", saved.versionNo());
            return "redirect:/procedures/" + saved.code();
        } catch (InvalidInputException e) {
            return refuse(model, response, false, e.fieldProblems());
        } catch (ConflictException | NotFoundException e) {
            return refuse(model, response, false, List.of(new FieldProblem("", e.messageKey(), e.args())));
        }
    }

    @PostMapping("/procedures/{code}/templates")
    String uploadTemplate(@PathVariable String code, @RequestParam String component,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        try {
            catalogue.attachTemplate(code, component, file.getOriginalFilename(), file.getBytes(),
                    currentUser.scope(), currentUser.actor());
            redirect.addFlashAttribute("templateSaved", true);
            return "redirect:/admin/procedures/" + code + "/edit";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidInputException | ConflictException e) {
            Procedure procedure = procedures.findManageable(code, currentUser.scope())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("form", ProcedureForm.of(procedure));
            model.addAttribute("history", procedures.history(code));
            model.addAttribute("componentNames", componentNames(procedure));
            return refuse(model, response, false, e.fieldProblems().isEmpty()
                    ? List.of(new FieldProblem("", e.messageKey(), e.args())) : e.fieldProblems());
        }
    }

    private static List<String> componentNames(Procedure procedure) {
        return procedure.content().components().stream().flatMap(k -> k.components().stream())
                .map(DossierComponent::name).distinct().toList();
    }

    private String refuse(Model model, HttpServletResponse response, boolean creating, List<FieldProblem> problems) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<String[]> errors = problems.stream().map(p -> {
            String message = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
            String label = FIELD_LABELS.get(p.field());
            return new String[] {p.field(), label == null ? message
                    : messages.getMessage(label, null, label, locale) + ": " + message};
        }).toList();
        model.addAttribute("errors", errors);
        model.addAttribute("creating", creating);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "catalogue/admin-edit";
    }
}
