package vn.dvc.dossier;

import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.identity.AccountContacts;
import vn.dvc.notification.MailOutbox;

/**
 * The e-mails an applicant receives about a dossier, in Vietnamese, queued in the transaction of the
 * change they report. They carry the code, the status and a link, never the form's contents.
 */
@Component
class DossierMails {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MailOutbox outbox;
    private final AccountContacts contacts;
    private final MessageSource messages;
    private final String publicUrl;

    DossierMails(MailOutbox outbox, AccountContacts contacts, MessageSource messages,
            @Value("${app.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Where an applicant's mails go: read before a submission takes its number, to keep that short. */
    record Recipient(String address, String name) {
    }

    Optional<Recipient> recipient(long applicantId) {
        return contacts.mailbox(applicantId).map(box -> new Recipient(box.address(), box.name()));
    }

    void submitted(Dossier dossier, Optional<Recipient> recipient) {
        recipient.ifPresent(r -> send(dossier, r, "dossier.mail.submitted.subject", "dossier.mail.submitted.body",
                null));
    }

    void statusChanged(Dossier dossier, DossierStatus to, String message) {
        send(dossier, "dossier.mail.status.subject", "dossier.mail.status.body", to, message);
    }

    /** The line of a status mail that links to the receipt (form 01) of a received dossier. */
    String receiptNote(Dossier dossier) {
        return messages.getMessage("dossier.mail.receipt-link",
                new Object[] {publicUrl + "/dossiers/" + dossier.code() + "/receipt.pdf"}, VIETNAMESE);
    }

    private void send(Dossier dossier, String subjectKey, String bodyKey, DossierStatus to, String... extra) {
        recipient(dossier.applicantId()).ifPresent(r -> send(dossier, r, subjectKey, bodyKey, to, extra));
    }

    private void send(Dossier dossier, Recipient recipient, String subjectKey, String bodyKey, DossierStatus to,
            String... extra) {
        String address = recipient.address();
        String name = recipient.name();
        DossierStatus status = to == null ? dossier.status() : to;
        String statusLabel = messages.getMessage("dossier.status." + status.national(), null, VIETNAMESE);
        String note = extra.length > 0 && extra[0] != null && !extra[0].isBlank()
                ? messages.getMessage("dossier.mail.note", new Object[] {extra[0]}, VIETNAMESE)
                : "";
        Object[] args = {dossier.code(), statusLabel, dossier.procedureName(), name,
                publicUrl + "/dossiers/" + dossier.code(), publicUrl + "/lookup?code=" + dossier.code(), note};
        outbox.queue(address, messages.getMessage(subjectKey, args, VIETNAMESE),
                messages.getMessage(bodyKey, args, VIETNAMESE));
    }
}
