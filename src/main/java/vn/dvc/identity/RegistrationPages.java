package vn.dvc.identity;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.ApplicantRegistration.CitizenForm;
import vn.dvc.identity.ApplicantRegistration.OrganisationForm;
import vn.dvc.shared.InvalidInputException;

/**
 * The public pages of registration: the citizen and organisation forms, the terms of use, the
 * "check your mailbox" page and the page a verification link opens.
 */
@Controller
class RegistrationPages {

    private final ApplicantRegistration registration;
    private final EmailVerification verification;
    private final PasswordPolicy passwordPolicy;
    private final MessageSource messages;
    private final boolean mailSandbox;

    RegistrationPages(ApplicantRegistration registration, EmailVerification verification,
            PasswordPolicy passwordPolicy, MessageSource messages, @Value("${spring.mail.host:}") String mailHost) {
        this.registration = registration;
        this.verification = verification;
        this.passwordPolicy = passwordPolicy;
        this.messages = messages;
        this.mailSandbox = mailHost.isBlank();
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("minimumAge", registration.minimumAge());
        model.addAttribute("passwordMinLength", passwordPolicy.minLength());
    }

    @GetMapping("/register")
    String citizenForm(Model model) {
        model.addAttribute("form", new CitizenForm(null, null, null, null, null, null, null, null, null, null));
        return "identity/register-citizen";
    }

    @PostMapping("/register")
    String registerCitizen(@ModelAttribute("form") CitizenForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        try {
            registration.registerCitizen(form, request.getRemoteAddr(), locale());
        } catch (InvalidInputException | TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            return "identity/register-citizen";
        }
        flash.addFlashAttribute("email", form.email() == null ? null : form.email().strip());
        return "redirect:/register/done";
    }

    @GetMapping("/register/organisation")
    String organisationForm(Model model) {
        model.addAttribute("form",
                new OrganisationForm(null, null, null, null, null, null, null, null, null, null, null));
        return "identity/register-organisation";
    }

    @PostMapping("/register/organisation")
    String registerOrganisation(@ModelAttribute("form") OrganisationForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        try {
            registration.registerOrganisation(form, request.getRemoteAddr(), locale());
        } catch (InvalidInputException | TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            return "identity/register-organisation";
        }
        flash.addFlashAttribute("email", form.email() == null ? null : form.email().strip());
        return "redirect:/register/done";
    }

    @GetMapping("/register/done")
    String done(Model model) {
        model.addAttribute("mailSandbox", mailSandbox);
        model.addAttribute("validityHours", verification.validity().toHours());
        return "identity/register-done";
    }

    @GetMapping("/terms")
    String terms() {
        return "identity/terms";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        EmailVerification.Outcome outcome = verification.confirm(token, locale());
        if (outcome != EmailVerification.Outcome.VERIFIED && outcome != EmailVerification.Outcome.ALREADY_VERIFIED) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("outcome", outcome.name());
        return "identity/verify-email";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
