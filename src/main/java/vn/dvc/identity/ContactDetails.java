package vn.dvc.identity;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants keep their own contact details up to date (phone and address; the e-mail address goes
 * through {@link EmailVerification#requestChange}). Who they are (name, identity number, date of
 * birth, tax code) is not theirs to edit: it is what their dossiers are decided on.
 */
@Service
class ContactDetails {

    private final Applicants applicants;
    private final Accounts accounts;

    ContactDetails(Applicants applicants, Accounts accounts) {
        this.applicants = applicants;
        this.accounts = accounts;
    }

    /** Saves the contact details; answers the names of the fields that changed (audited, without values). */
    @Transactional
    List<String> update(long accountId, String phoneText, String addressText) {
        ApplicantProfile profile = applicants.profile(accountId).orElseThrow();
        ApplicantInput input = new ApplicantInput();
        String phone = profile.kind() == ApplicantKind.CITIZEN ? input.mobile("phone", phoneText)
                : input.phone("phone", phoneText);
        String address = input.text("address", addressText, 300);
        input.throwIfInvalid();
        List<String> changed = applicants.updateContacts(accountId, phone, address);
        if (!changed.isEmpty()) {
            applicants.audit(accountId, "CONTACTS_UPDATED", changed, accounts.username(accountId));
        }
        return changed;
    }
}
