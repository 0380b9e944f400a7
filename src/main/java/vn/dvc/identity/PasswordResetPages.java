package vn.dvc.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvc.shared.InvalidInputException;

/** Forgotten passwords: asking for a reset link, and setting a new password with it. */
@Controller
class PasswordResetPages {

    private final PasswordReset reset;
    private final PasswordPolicy policy;
    private final MessageSource messages;

    PasswordResetPages(PasswordReset reset, PasswordPolicy policy, MessageSource messages) {
        this.reset = reset;
        this.policy = policy;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("passwordMinLength", policy.minLength());
    }

    @GetMapping("/forgot-password")
    String requestForm() {
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String request(@RequestParam(required = false) String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("email", email);
        try {
            reset.request(email, request.getRemoteAddr(), LocaleContextHolder.getLocale());
        } catch (InvalidInputException | TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            return "identity/forgot-password";
        }
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!reset.usable(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("linkInvalid", true);
        }
        model.addAttribute("token", token);
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String resetPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation, Model model, HttpServletResponse response) {
        try {
            reset.reset(token, password, passwordConfirmation, LocaleContextHolder.getLocale());
        } catch (InvalidInputException e) {
            FormProblems.show(e, model, response, messages);
            model.addAttribute("token", token);
            model.addAttribute("linkInvalid", !reset.usable(token));
            return "identity/reset-password";
        }
        return "redirect:/login?reset";
    }
}
