package vn.dvc.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.AgencyScope;
import vn.dvc.identity.CurrentUser;
import vn.dvc.organisation.AgencyAdministration.Contacts;
import vn.dvc.organisation.AgencyAdministration.Editable;
import vn.dvc.organisation.AgencyAdministration.NewAgency;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Administration of agencies. The role checks here are a second line: {@link AgencyAdministration}
 * filters every read and write by the caller's scope, so an agency administrator reaches only their
 * own agency whatever address they type.
 */
@Controller
@RequestMapping("/admin/agencies")
@PreAuthorize("hasAnyRole('AGENCY_ADMIN', 'PROVINCIAL_COORDINATOR', 'SYSTEM_ADMIN')")
class AgencyAdminPages {

    private static final String PROVINCE_ROLES = "hasAnyRole('PROVINCIAL_COORDINATOR', 'SYSTEM_ADMIN')";

    private final AgencyAdministration administration;
    private final Agencies agencies;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    AgencyAdminPages(AgencyAdministration administration, Agencies agencies, CurrentUser currentUser,
            MessageSource messages) {
        this.administration = administration;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** Everything the forms can hold; all text, so that what the user typed can be shown again as typed. */
    record AgencyForm(String code, String level, String parentCode, String name, String shortName,
            String validFrom, String address, String phone, String email, String website, String successorCode,
            String effective, Long version) {

        static AgencyForm of(Editable editable) {
            Agency a = editable.agency();
            return new AgencyForm(a.code(), a.level().name(), a.parentCode(), a.name(), a.shortName(), null,
                    a.address(), a.phone(), a.email(), a.website(), null, null, editable.version());
        }
    }

    /** One option of a choice in a form. */
    record Choice(String value, String label) {

        static List<Choice> of(List<Agency> agencies) {
            return agencies.stream().map(a -> new Choice(a.code(), a.name() + " (" + a.code() + ")")).toList();
        }
    }

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer page, Model model) {
        AgencyScope scope = currentUser.scope();
        AgencyLevel chosen = AgencySearch.level(level);
        model.addAttribute("page", AgencySearch.page(administration.manageable(scope), q, chosen, page));
        model.addAttribute("q", q);
        model.addAttribute("level", chosen);
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute("province", scope.all());
        model.addAttribute("baseUrl", AgencySearch.pagerBase("/admin/agencies", q, chosen));
        return "organisation/admin/list";
    }

    @GetMapping("/new")
    @PreAuthorize(PROVINCE_ROLES)
    String newForm(Model model) {
        return newForm(new AgencyForm(null, null, null, null, null, null, null, null, null, null, null, null, null),
                model);
    }

    @PostMapping("/new")
    @PreAuthorize(PROVINCE_ROLES)
    String create(@ModelAttribute("form") AgencyForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        return attempt(() -> administration.create(currentUser.scope(), new NewAgency(form.code(),
                        AgencySearch.level(form.level()), form.parentCode(), form.name(), form.shortName(),
                        date(form.validFrom(), "validFrom"))),
                "organisation.admin.created", form.code(), flash, model, response, () -> newForm(form, model));
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        Editable editable = administration.editable(currentUser.scope(), code);
        return editForm(editable, AgencyForm.of(editable), model);
    }

    @PostMapping("/{code}/edit")
    String update(@PathVariable String code, @ModelAttribute("form") AgencyForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return attempt(() -> administration.updateDetails(currentUser.scope(), code, form.version(),
                        new Contacts(form.address(), form.phone(), form.email(), form.website())),
                "organisation.admin.updated", code, flash, model, response,
                () -> editForm(administration.editable(currentUser.scope(), code), form, model));
    }

    @GetMapping("/{code}/{action:rename|merge|dissolve}")
    String changeForm(@PathVariable String code, @PathVariable String action, Model model) {
        Editable editable = administration.changeable(currentUser.scope(), code);
        return changeForm(editable, action, AgencyForm.of(editable), model);
    }

    @PostMapping("/{code}/rename")
    @PreAuthorize(PROVINCE_ROLES)
    String rename(@PathVariable String code, @ModelAttribute("form") AgencyForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return change(code, "rename", form, model, response, flash, () -> administration.rename(currentUser.scope(),
                code, form.version(), form.name(), form.shortName(), date(form.effective(), "effective")));
    }

    @PostMapping("/{code}/merge")
    @PreAuthorize(PROVINCE_ROLES)
    String merge(@PathVariable String code, @ModelAttribute("form") AgencyForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return change(code, "merge", form, model, response, flash, () -> administration.merge(currentUser.scope(),
                code, form.version(), form.successorCode(), date(form.effective(), "effective")));
    }

    @PostMapping("/{code}/dissolve")
    @PreAuthorize(PROVINCE_ROLES)
    String dissolve(@PathVariable String code, @ModelAttribute("form") AgencyForm form, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return change(code, "dissolve", form, model, response, flash, () -> administration.dissolve(
                currentUser.scope(), code, form.version(), date(form.effective(), "effective")));
    }

    private String change(String code, String action, AgencyForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash, Runnable change) {
        return attempt(change, "organisation.admin." + action + "d", code, flash, model, response,
                () -> changeForm(administration.changeable(currentUser.scope(), code), action, form, model));
    }

    private String newForm(AgencyForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("levels", Arrays.stream(AgencyLevel.values())
                .map(l -> new Choice(l.name(), message("organisation.level." + l, null))).toList());
        model.addAttribute("parents", Choice.of(agencies.active(null).stream()
                .filter(a -> a.level() != AgencyLevel.COMMUNE).toList()));
        return "organisation/admin/new";
    }

    private String editForm(Editable editable, AgencyForm form, Model model) {
        model.addAttribute("agency", editable.agency());
        model.addAttribute("form", form);
        return "organisation/admin/edit";
    }

    private String changeForm(Editable editable, String action, AgencyForm form, Model model) {
        model.addAttribute("agency", editable.agency());
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        if ("merge".equals(action)) {
            model.addAttribute("successors", Choice.of(agencies.active(null).stream()
                    .filter(a -> !a.code().equals(editable.agency().code())).toList()));
        }
        return "organisation/admin/change";
    }

    /**
     * Runs a change; on success back to the list with a notice, otherwise the same form again with what
     * the user typed and the reasons next to the fields (400), or above the form for a conflict (409).
     */
    private String attempt(Runnable change, String notice, String code, RedirectAttributes flash, Model model,
            HttpServletResponse response, Supplier<String> form) {
        try {
            change.run();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus((e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.fieldProblems()) {
                errors.putIfAbsent(problem.field(), message(problem.messageKey(), problem.args().toArray()));
            }
            model.addAttribute("errors", errors);
            if (errors.isEmpty()) {
                model.addAttribute("problem", message(e.messageKey(), e.args()));
            }
            return form.get();
        }
        flash.addFlashAttribute("notice", notice);
        flash.addFlashAttribute("noticeArg", code);
        return "redirect:/admin/agencies";
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Browsers send date inputs as ISO dates; anything else was typed by hand or tampered with. */
    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field, "organisation.validation.date")));
        }
    }
}
