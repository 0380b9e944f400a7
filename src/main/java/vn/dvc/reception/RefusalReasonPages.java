package vn.dvc.reception;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.InvalidInputException;

/**
 * The system administrator's page of refusal reasons (one list for the whole province, so not an agency
 * administrator's): add, change the text and order, deactivate and reactivate. Codes cannot be edited.
 */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class RefusalReasonPages {

    private final RefusalReasons reasons;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    RefusalReasonPages(RefusalReasons reasons, CurrentUser currentUser, MessageSource messages) {
        this.reasons = reasons;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/admin/refusal-reasons")
    String list(Model model) {
        model.addAttribute("reasons", reasons.all());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "reception/reasons";
    }

    @PostMapping("/admin/refusal-reasons")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) String label,
            @RequestParam(required = false) String position, Model model, RedirectAttributes redirect,
            Locale locale) {
        try {
            reasons.add(code, label, position, currentUser.actor());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("newCode", code);
            model.addAttribute("newLabel", label);
            return list(model);
        }
        redirect.addFlashAttribute("done", "reception.reasons.saved");
        return "redirect:/admin/refusal-reasons";
    }

    @PostMapping("/admin/refusal-reasons/{code}")
    String update(@PathVariable String code, @RequestParam(required = false) String label,
            @RequestParam(required = false) String position, @RequestParam(required = false) String active,
            Model model, RedirectAttributes redirect, Locale locale) {
        try {
            if (active != null) {
                reasons.setActive(code, Boolean.parseBoolean(active), currentUser.actor());
            } else {
                reasons.update(code, label, position, currentUser.actor());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            return list(model);
        }
        redirect.addFlashAttribute("done", "reception.reasons.saved");
        return "redirect:/admin/refusal-reasons";
    }

    private Map<String, String> errors(InvalidInputException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldProblems().forEach(f -> errors.put(f.field(),
                messages.getMessage(f.messageKey(), f.args().toArray(), locale)));
        return errors;
    }
}
