package vn.dvc.identity;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.notification.MailOutbox;

/**
 * The mails of applicant accounts, written from the message bundles in the applicant's language and
 * queued in the caller's transaction (they leave only if the change commits). Links are absolute, built
 * on {@code app.public-url}, never on the request's Host header, which a client could forge to steal
 * a reset link.
 */
@Component
class ApplicantMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final String publicUrl;

    ApplicantMails(MailOutbox outbox, MessageSource messages,
            @Value("${app.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void verifyEmail(String to, String name, String token, Duration validity, Locale locale) {
        queue(to, "identity.mail.verify.subject", "identity.mail.verify.body", locale, name,
                publicUrl + "/verify-email?token=" + token, validity.toHours());
    }

    void resetPassword(String to, String name, String token, Duration validity, Locale locale) {
        queue(to, "identity.mail.reset.subject", "identity.mail.reset.body", locale, name,
                publicUrl + "/reset-password?token=" + token, validity.toMinutes());
    }

    void passwordChanged(String to, String name, Locale locale) {
        queue(to, "identity.mail.password-changed.subject", "identity.mail.password-changed.body", locale, name,
                publicUrl + "/forgot-password");
    }

    /** Tells the previous address that mails now go elsewhere, so that a hijacked account does not go unnoticed. */
    void emailChanged(String previous, String name, Locale locale) {
        queue(previous, "identity.mail.email-changed.subject", "identity.mail.email-changed.body", locale, name,
                publicUrl + "/forgot-password");
    }

    private void queue(String to, String subjectKey, String bodyKey, Locale locale, Object... args) {
        String subject = messages.getMessage(subjectKey, null, locale);
        String body = messages.getMessage(bodyKey, args, locale);
        outbox.queue(to, subject, body);
    }
}
