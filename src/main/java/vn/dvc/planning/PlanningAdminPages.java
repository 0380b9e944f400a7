package vn.dvc.planning;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.catalogue.ProcedureSummary;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * The plan's administration pages: an agency administrator registers the agency's procedures; the
 * provincial coordinator opens a year, consolidates, rejects, approves, publishes and imports plan
 * documents; the system administrator only sees the list. A refused step shows the reason in Vietnamese
 * on the same page and keeps what was typed.
 */
@Controller
@RequestMapping("/admin/plans")
@PreAuthorize("hasAnyRole('AGENCY_ADMIN','PROVINCIAL_COORDINATOR','SYSTEM_ADMIN')")
class PlanningAdminPages {

    static final int PROCEDURE_CHOICES = 100;

    private final Planning planning;
    private final Plans plans;
    private final PlanDocuments documents;
    private final PlanImport imports;
    private final PlanChecks checks;
    private final Agencies agencies;
    private final CurrentUser user;
    private final MessageSource messages;

    PlanningAdminPages(Planning planning, Plans plans, PlanDocuments documents, PlanImport imports,
            PlanChecks checks, Agencies agencies, CurrentUser user, MessageSource messages) {
        this.planning = planning;
        this.plans = plans;
        this.documents = documents;
        this.imports = imports;
        this.checks = checks;
        this.agencies = agencies;
        this.user = user;
        this.messages = messages;
    }

    /** An agency's entries, for the consolidation page. */
    record AgencyEntries(String agencyCode, String agencyName, List<PlanEntry> entries) {
    }

    /** An audit record with its time in Vietnam. */
    record AuditRow(LocalDateTime at, String actor, String action, String agencyCode, String procedureCode,
            String detail) {
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("plans", plans.all());
        model.addAttribute("documents", documents.all());
        model.addAttribute("coordinator", has(Role.PROVINCIAL_COORDINATOR));
        model.addAttribute("agencyAdmin", has(Role.AGENCY_ADMIN));
        model.addAttribute("today", planning.today());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("openYear", String.valueOf(planning.today().getYear() + 1));
            model.addAttribute("openDeadline", LocalDate.of(planning.today().getYear(), 12, 31).toString());
        }
        return "planning/admin-index";
    }

    @PostMapping
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String open(@RequestParam(required = false) String year, @RequestParam(required = false) String registrationDeadline,
            Model model, HttpServletResponse response) {
        try {
            Integer parsedYear = parseYear(year);
            LocalDate deadline = parseDate(registrationDeadline, "registrationDeadline");
            Plan plan = planning.open(parsedYear, deadline, user.actor());
            return "redirect:/admin/plans/" + plan.year() + "/consolidation";
        } catch (InvalidInputException | vn.dvc.shared.ConflictException e) {
            refuse(model, response, e);
            model.addAttribute("openYear", year);
            model.addAttribute("openDeadline", registrationDeadline);
            return index(model);
        }
    }

    // ---- Registration (agency administrator) ----

    @GetMapping("/{year}/registration")
    @PreAuthorize("hasRole('AGENCY_ADMIN')")
    String registration(@PathVariable int year, @RequestParam(required = false) String q, Model model) {
        Plan plan = plans.find(year).orElseThrow(() -> new NotFoundException("planning.error.plan-not-found",
                String.valueOf(year)));
        String agencyCode = agencyCode();
        model.addAttribute("plan", plan);
        model.addAttribute("agency", agencies.find(agencyCode).orElse(null));
        model.addAttribute("entries", plans.entries(year, user.scope()));
        model.addAttribute("open", plan.acceptsRegistrationsOn(planning.today()));
        model.addAttribute("q", q);
        model.addAttribute("choices", planning.registrable(agencyCode, q == null || q.isBlank() ? null : q.strip(),
                PROCEDURE_CHOICES));
        model.addAttribute("kinds", BuildKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of());
        }
        return "planning/admin-registration";
    }

    @PostMapping("/{year}/registration")
    @PreAuthorize("hasRole('AGENCY_ADMIN')")
    String register(@PathVariable int year, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        // What cannot even be read is reported with everything else the use case finds.
        Map<String, FieldProblem> unreadable = new LinkedHashMap<>();
        Long budget = null;
        BuildKind kind = null;
        try {
            budget = parseBudget(form.get("estimatedBudgetVnd"));
        } catch (InvalidInputException e) {
            unreadable.put("estimatedBudgetVnd", e.fieldProblems().get(0));
        }
        try {
            kind = PlanningAdminApi.kind(form.get("kind"));
        } catch (InvalidInputException e) {
            unreadable.put("kind", e.fieldProblems().get(0));
        }
        try {
            try {
                PlanEntry entry = planning.register(year, agencyCode(), new Planning.Registration(
                        form.get("procedureCode"), kind, budget, form.get("owner"), form.get("note")), user.scope(),
                        user.actor());
                redirect.addFlashAttribute("registered", entry.procedureCode());
                return "redirect:/admin/plans/" + year + "/registration";
            } catch (InvalidInputException e) {
                List<FieldProblem> problems = new ArrayList<>(e.fieldProblems().stream()
                        .filter(p -> !unreadable.containsKey(p.field())).toList());
                problems.addAll(unreadable.values());
                throw new InvalidInputException(problems);
            }
        } catch (InvalidInputException | vn.dvc.shared.ConflictException e) {
            refuse(model, response, e);
            model.addAttribute("form", form);
            return registration(year, form.get("q"), model);
        }
    }

    @PostMapping("/{year}/registration/{id}/withdraw")
    @PreAuthorize("hasRole('AGENCY_ADMIN')")
    String withdraw(@PathVariable int year, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            planning.withdraw(year, id, user.scope(), user.actor());
            redirect.addFlashAttribute("withdrawn", true);
            return "redirect:/admin/plans/" + year + "/registration";
        } catch (vn.dvc.shared.ConflictException e) {
            refuse(model, response, e);
            return registration(year, null, model);
        }
    }

    // ---- Consolidation (provincial coordinator) ----

    @GetMapping("/{year}/consolidation")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String consolidation(@PathVariable int year, Model model) {
        Plan plan = plans.find(year).orElseThrow(() -> new NotFoundException("planning.error.plan-not-found",
                String.valueOf(year)));
        Map<String, List<PlanEntry>> byAgency = new LinkedHashMap<>();
        plans.entries(year, user.scope()).forEach(e -> byAgency.computeIfAbsent(e.agencyCode(), a -> new ArrayList<>()).add(e));
        List<AgencyEntries> groups = byAgency.entrySet().stream().map(e -> new AgencyEntries(e.getKey(),
                agencies.find(e.getKey()).map(Agency::name).orElse(e.getKey()), e.getValue())).toList();
        model.addAttribute("plan", plan);
        model.addAttribute("groups", groups);
        model.addAttribute("entryCount", groups.stream().mapToInt(g -> g.entries().size()).sum());
        model.addAttribute("proposedCount", groups.stream().flatMap(g -> g.entries().stream())
                .filter(PlanEntry::proposedForRejection).count());
        model.addAttribute("beforeDeadline", !planning.today().isAfter(plan.registrationDeadline()));
        model.addAttribute("audit", plans.audit(year).stream().map(a -> new AuditRow(
                LocalDateTime.ofInstant(a.occurredAt(), VietnamTime.ZONE), a.actor(), a.action(), a.agencyCode(),
                a.procedureCode(), a.detail())).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "planning/admin-consolidation";
    }

    @PostMapping("/{year}/deadline")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String deadline(@PathVariable int year, @RequestParam(required = false) String registrationDeadline, Model model,
            HttpServletResponse response) {
        return step(year, model, response, () -> planning.changeDeadline(year,
                parseDate(registrationDeadline, "registrationDeadline"), user.actor()));
    }

    @PostMapping("/{year}/consolidate")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String consolidate(@PathVariable int year, Model model, HttpServletResponse response) {
        return step(year, model, response, () -> planning.consolidate(year, user.actor()));
    }

    @PostMapping("/{year}/approve")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String approve(@PathVariable int year, Model model, HttpServletResponse response) {
        return step(year, model, response, () -> planning.approve(year, user.actor()));
    }

    @PostMapping("/{year}/publish")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String publish(@PathVariable int year, Model model, HttpServletResponse response) {
        return step(year, model, response, () -> planning.publish(year, user.actor()));
    }

    @PostMapping("/{year}/entries/{id}/reject")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String reject(@PathVariable int year, @PathVariable long id, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response) {
        return step(year, model, response, () -> planning.reject(year, id, reason, user.actor()));
    }

    private String step(int year, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/admin/plans/" + year + "/consolidation";
        } catch (InvalidInputException | vn.dvc.shared.ConflictException e) {
            refuse(model, response, e);
            return consolidation(year, model);
        }
    }

    // ---- Import of plan documents (provincial coordinator) ----

    @GetMapping("/import")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String importForm(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("fileErrors", model.getAttribute("fileErrors") == null ? List.of()
                : model.getAttribute("fileErrors"));
        return "planning/admin-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(List.of(new FieldProblem("file", "planning.import.error.no-file")));
            }
            PlanDocument document = imports.importFile(PlanningApi.fileName(file), file.getBytes(), user.actor());
            redirect.addFlashAttribute("imported", document.reference());
            redirect.addFlashAttribute("importedDiscrepancies",
                    PlanArithmetic.of(document.content()).discrepancies().size());
            return "redirect:/plans/" + document.content().firstYear();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute("errors", Map.of());
            model.addAttribute("fileErrors", e.fieldProblems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale)).toList());
            return "planning/admin-import";
        }
    }

    // ---- helpers ----

    private boolean has(Role role) {
        return user.principal().map(p -> p.has(role)).orElse(false);
    }

    private String agencyCode() {
        return user.principal().map(AccountPrincipal::agencyCode).orElse(null);
    }

    /** Field errors next to their fields, and a general problem at the top; the answer is 400 or 409. */
    private void refuse(Model model, HttpServletResponse response, ProblemException e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.fieldProblems()) {
            errors.merge(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale),
                    (a, b) -> a + " " + b);
        }
        model.addAttribute("errors", errors);
        if (e.fieldProblems().isEmpty()) {
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        response.setStatus(e instanceof vn.dvc.shared.ConflictException ? HttpStatus.CONFLICT.value()
                : HttpStatus.BAD_REQUEST.value());
    }

    private static Integer parseYear(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "validation.required")));
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "planning.error.year-range")));
        }
    }

    private static LocalDate parseDate(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field, "planning.error.date")));
        }
    }

    /** Amounts as people type them: 150000000, 150.000.000 or 150 000 000. */
    static Long parseBudget(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip().replace(".", "").replace(",", "").replace(" ", "").replace("\u00a0", "");
        if (!digits.matches("\\d{1,14}")) {
            throw new InvalidInputException(List.of(new FieldProblem("estimatedBudgetVnd",
                    "planning.error.budget-format")));
        }
        return Long.valueOf(digits);
    }
}
