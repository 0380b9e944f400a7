package vn.dvc.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.identity.AccountTokens.Purpose;
import vn.dvc.identity.AccountTokens.Token;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Proving that an applicant receives mail at their address: at registration, on request, and when
 * they change the address (the new one takes effect only once confirmed from its own mailbox). Each
 * new link replaces the earlier ones; at most {@code app.applicant.verification-mails-per-hour} are
 * sent per account per hour.
 */
@Service
class EmailVerification {

    /** What opening a verification link did. */
    enum Outcome {
        VERIFIED, ALREADY_VERIFIED, USED, EXPIRED, INVALID, EMAIL_TAKEN
    }

    private final AccountTokens tokens;
    private final Accounts accounts;
    private final Applicants applicants;
    private final ApplicantMails mails;
    private final Clock clock;
    private final Duration validity;
    private final int mailsPerHour;

    EmailVerification(AccountTokens tokens, Accounts accounts, Applicants applicants, ApplicantMails mails, Clock clock,
            @Value("${app.applicant.verification-validity:PT24H}") Duration validity,
            @Value("${app.applicant.verification-mails-per-hour:5}") int mailsPerHour) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.applicants = applicants;
        this.mails = mails;
        this.clock = clock;
        this.validity = validity;
        this.mailsPerHour = mailsPerHour;
    }

    /** Issues a link for this address and queues its mail, in the caller's transaction. */
    void send(long accountId, String email, String name, Locale locale) {
        if (tokens.issuedSince(accountId, Purpose.VERIFY_EMAIL, clock.instant().minus(Duration.ofHours(1)))
                >= mailsPerHour) {
            throw new TooManyRequestsException("identity.verify.throttled");
        }
        tokens.revokeAll(accountId, Purpose.VERIFY_EMAIL);
        String token = tokens.issue(accountId, Purpose.VERIFY_EMAIL, email, validity);
        mails.verifyEmail(email, name, token, validity, locale);
    }

    /** Sends the link again to the current address; nothing to do once it is verified. */
    @Transactional
    void resend(long accountId, Locale locale) {
        ApplicantProfile profile = applicants.profile(accountId).orElseThrow();
        if (!profile.emailVerified()) {
            send(accountId, profile.email(), profile.fullName(), locale);
        }
    }

    /**
     * Asks to change the address: a link goes to the new address, and the current one stays in use
     * until the link is opened.
     */
    @Transactional
    void requestChange(long accountId, String newEmail, Locale locale, String actor) {
        ApplicantInput input = new ApplicantInput();
        String email = input.email("email", newEmail);
        input.throwIfInvalid();
        ApplicantProfile profile = applicants.profile(accountId).orElseThrow();
        if (email.equalsIgnoreCase(profile.email())) {
            throw new InvalidInputException(List.of(new FieldProblem("email", "identity.account.email-unchanged")));
        }
        Optional<Long> owner = applicants.accountWithEmail(email);
        if (owner.isPresent()) {
            throw new InvalidInputException(List.of(new FieldProblem("email", "identity.validation.email-taken")));
        }
        send(accountId, email, profile.fullName(), locale);
        applicants.audit(accountId, "EMAIL_CHANGE_REQUESTED", List.of("email"), actor);
    }

    /** Opens a verification link. */
    @Transactional
    Outcome confirm(String tokenText, Locale locale) {
        Optional<Token> found = tokens.find(tokenText, Purpose.VERIFY_EMAIL);
        if (found.isEmpty()) {
            return Outcome.INVALID;
        }
        Token token = found.get();
        ApplicantProfile profile = applicants.profile(token.accountId()).orElse(null);
        if (profile == null) {
            return Outcome.INVALID;
        }
        boolean sameAddress = token.email().equalsIgnoreCase(profile.email());
        if (token.usedAt() != null) {
            // A mail scanner may have opened the link first: the owner only needs to know it is done.
            return sameAddress && profile.emailVerified() ? Outcome.ALREADY_VERIFIED : Outcome.USED;
        }
        if (!token.usable(clock.instant())) {
            return Outcome.EXPIRED;
        }
        if (!sameAddress && applicants.accountWithEmail(token.email()).filter(id -> id != profile.accountId())
                .isPresent()) {
            return Outcome.EMAIL_TAKEN;
        }
        if (!tokens.use(token)) {
            return Outcome.USED;
        }
        applicants.verifyEmail(profile.accountId(), token.email());
        applicants.audit(profile.accountId(), sameAddress ? "EMAIL_VERIFIED" : "EMAIL_CHANGED", List.of("email"),
                accounts.username(profile.accountId()));
        if (!sameAddress) {
            tokens.revokeAll(profile.accountId(), Purpose.VERIFY_EMAIL);
            mails.emailChanged(profile.email(), profile.fullName(), locale);
        }
        return Outcome.VERIFIED;
    }

    Optional<String> pendingChange(long accountId, String currentEmail) {
        return tokens.pendingEmailChange(accountId, currentEmail);
    }

    Duration validity() {
        return validity;
    }
}
