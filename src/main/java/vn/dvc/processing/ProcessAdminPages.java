package vn.dvc.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException;

/**
 * The administration of internal processes: an agency administrator sees and edits their agency's default
 * process and the per-procedure ones; the coordinator and the system administrator any agency's
 * ({@code ?agency=}). Pages work without JavaScript: the editor shows the steps and two empty rows.
 */
@Controller
class ProcessAdminPages {

    private static final int EMPTY_ROWS = 2;

    private final ProcessDefinitions definitions;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ProcessAdminPages(ProcessDefinitions definitions, CurrentUser currentUser, MessageSource messages) {
        this.definitions = definitions;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/admin/processes")
    String list(@RequestParam(required = false) String agency, Model model) {
        AccountPrincipal admin = admin();
        String code = agency(admin, agency);
        model.addAttribute("agency", code == null ? "" : code);
        model.addAttribute("definitions", code == null ? List.of() : definitions.ofAgency(code, admin.scope()));
        return "processing/admin-list";
    }

    @GetMapping("/admin/processes/edit")
    String edit(@RequestParam(required = false) String agency, @RequestParam(required = false) String procedure,
            Model model) {
        AccountPrincipal admin = admin();
        String code = agency(admin, agency);
        String procedureCode = procedure == null || procedure.isBlank() ? null : procedure.strip();
        ProcessDefinition shown;
        if (procedureCode == null) {
            shown = definitions.get(code, null, admin.scope());
        } else {
            shown = definitions.ofAgency(code, admin.scope()).stream()
                    .filter(d -> procedureCode.equals(d.procedureCode())).findFirst()
                    .orElseGet(() -> {
                        ProcessDefinition base = definitions.get(code, null, admin.scope());
                        return new ProcessDefinition(null, code, procedureCode, base.steps(), null, null, 0);
                    });
        }
        List<ProcessDefinitions.StepInput> rows = new ArrayList<>(shown.steps().stream()
                .map(s -> new ProcessDefinitions.StepInput(s.name(), s.role().name(), String.valueOf(s.budgetPercent()),
                        s.maySendBack())).toList());
        return editor(model, code, procedureCode, shown.builtIn() ? null : shown.rowVersion(), rows, Map.of());
    }

    @PostMapping("/admin/processes/save")
    String save(@RequestParam(required = false) String agency, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) Integer rowVersion,
            @RequestParam(name = "name", required = false) String[] names,
            @RequestParam(name = "role", required = false) String[] roles,
            @RequestParam(name = "budgetPercent", required = false) String[] percents,
            @RequestParam(name = "sendBack", required = false) Set<String> sendBack, Model model,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal admin = admin();
        String code = agency(admin, agency);
        String procedureCode = procedure == null || procedure.isBlank() ? null : procedure.strip();
        List<ProcessDefinitions.StepInput> rows = new ArrayList<>();
        int count = names == null ? 0 : names.length;
        for (int i = 0; i < count; i++) {
            String name = names[i];
            String role = roles != null && i < roles.length ? roles[i] : "";
            String percent = percents != null && i < percents.length ? percents[i] : "";
            if ((name == null || name.isBlank()) && (percent == null || percent.isBlank())) {
                continue; // an empty row
            }
            rows.add(new ProcessDefinitions.StepInput(name, role, percent,
                    sendBack != null && sendBack.contains(String.valueOf(i))));
        }
        try {
            definitions.save(code, procedureCode, rows, rowVersion, admin.scope(), admin.getUsername());
        } catch (InvalidInputException | ConflictException e) {
            return editor(model, code, procedureCode, rowVersion, rows, problems(e, locale));
        }
        redirect.addFlashAttribute("done", "processing.admin.saved");
        return "redirect:/admin/processes?agency=" + code;
    }

    @PostMapping("/admin/processes/remove")
    String remove(@RequestParam(required = false) String agency, @RequestParam String procedure,
            RedirectAttributes redirect) {
        AccountPrincipal admin = admin();
        String code = agency(admin, agency);
        definitions.remove(code, procedure, admin.scope(), admin.getUsername());
        redirect.addFlashAttribute("done", "processing.admin.removed");
        return "redirect:/admin/processes?agency=" + code;
    }

    private String editor(Model model, String agency, String procedure, Integer rowVersion,
            List<ProcessDefinitions.StepInput> rows, Map<String, String> errors) {
        List<ProcessDefinitions.StepInput> shown = new ArrayList<>(rows);
        for (int i = 0; i < EMPTY_ROWS && shown.size() < ProcessDefinitions.MAX_STEPS; i++) {
            shown.add(new ProcessDefinitions.StepInput("", "", "", false));
        }
        model.addAttribute("agency", agency);
        model.addAttribute("procedure", procedure == null ? "" : procedure);
        model.addAttribute("rowVersion", rowVersion);
        model.addAttribute("rows", shown);
        model.addAttribute("roles", ProcessDefinitions.STEP_ROLES);
        model.addAttribute("errors", errors);
        return "processing/admin-edit";
    }

    private Map<String, String> problems(ProblemException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!e.fieldProblems().isEmpty()) {
            e.fieldProblems().forEach(f -> errors.put(f.field(),
                    messages.getMessage(f.messageKey(), f.args().toArray(), locale)));
        } else {
            errors.put("form", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return errors;
    }

    /** The agency shown: the one asked for, else the administrator's own; null when a province-wide one must choose. */
    private static String agency(AccountPrincipal admin, String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked.strip();
        }
        return admin.agencyCode();
    }

    private AccountPrincipal admin() {
        return currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
    }
}
