package vn.dvc.identity;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;

/**
 * The signed-in applicant's own account: profile, contact details, e-mail address (changed only once
 * the new one is verified), password, and the recent changes to the account.
 */
@Controller
@RequestMapping("/account")
@PreAuthorize("hasRole('APPLICANT')")
class AccountPages {

    private final Applicants applicants;
    private final ContactDetails contacts;
    private final EmailVerification verification;
    private final PasswordReset passwords;
    private final PasswordPolicy policy;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    AccountPages(Applicants applicants, ContactDetails contacts, EmailVerification verification,
            PasswordReset passwords, PasswordPolicy policy, CurrentUser currentUser, MessageSource messages) {
        this.applicants = applicants;
        this.contacts = contacts;
        this.verification = verification;
        this.passwords = passwords;
        this.policy = policy;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** The contact form as typed. */
    record ContactForm(String phone, String address) {
    }

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @GetMapping
    String account(Model model) {
        ApplicantProfile profile = profile();
        return page(profile, new ContactForm(profile.phone(), profile.address()), null, model);
    }

    @PostMapping("/contacts")
    String updateContacts(@ModelAttribute("contactForm") ContactForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        ApplicantProfile profile = profile();
        try {
            List<String> changed = contacts.update(profile.accountId(), form.phone(), form.address());
            flash.addFlashAttribute("notice", changed.isEmpty() ? "identity.account.nothing-changed"
                    : "identity.account.contacts-saved");
        } catch (InvalidInputException e) {
            FormProblems.show(e, model, response, messages);
            return page(profile, form, null, model);
        }
        return "redirect:/account";
    }

    @PostMapping("/email")
    String changeEmail(@RequestParam(required = false) String email, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        ApplicantProfile profile = profile();
        try {
            verification.requestChange(profile.accountId(), email, LocaleContextHolder.getLocale(), currentUser.actor());
        } catch (InvalidInputException | TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            return page(profile, new ContactForm(profile.phone(), profile.address()), email, model);
        }
        flash.addFlashAttribute("notice", "identity.account.email-change-sent");
        return "redirect:/account";
    }

    @PostMapping("/verification")
    String resendVerification(Model model, HttpServletResponse response, RedirectAttributes flash) {
        ApplicantProfile profile = profile();
        try {
            verification.resend(profile.accountId(), LocaleContextHolder.getLocale());
        } catch (TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            return page(profile, new ContactForm(profile.phone(), profile.address()), null, model);
        }
        flash.addFlashAttribute("notice", "identity.account.verification-sent");
        return "redirect:/account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        profile();
        model.addAttribute("passwordMinLength", policy.minLength());
        return "identity/change-password";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String password, @RequestParam(required = false) String passwordConfirmation,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        ApplicantProfile profile = profile();
        try {
            passwords.change(profile.accountId(), currentPassword, password, passwordConfirmation,
                    LocaleContextHolder.getLocale());
        } catch (InvalidInputException | TooManyRequestsException e) {
            FormProblems.show(e, model, response, messages);
            model.addAttribute("passwordMinLength", policy.minLength());
            return "identity/change-password";
        }
        flash.addFlashAttribute("notice", "identity.account.password-changed");
        return "redirect:/account";
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView noProfile() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private String page(ApplicantProfile profile, ContactForm contactForm, String newEmail, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("contactForm", contactForm);
        model.addAttribute("newEmail", newEmail);
        model.addAttribute("pendingEmail",
                verification.pendingChange(profile.accountId(), profile.email()).orElse(null));
        model.addAttribute("changes", applicants.changes(profile.accountId(), 10));
        return "identity/account";
    }

    private ApplicantProfile profile() {
        return applicants.current().orElseThrow(() -> new NotFoundException("identity.account.no-profile"));
    }
}
