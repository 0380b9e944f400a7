package vn.dvc.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.identity.AccountTokens.Purpose;
import vn.dvc.identity.AccountTokens.Token;
import vn.dvc.shared.InvalidInputException;

/**
 * Resetting a forgotten password by e-mail, for applicant accounts (officers' passwords are reset by
 * their administrators). The answer to a request is the same whether or not the address has an
 * account, so the page cannot be used to find out who is registered; mails are limited per account
 * (counted in the database) and requests per client address (in memory). A reset unlocks the account
 * and ends every other reset link; the owner is told by mail.
 */
@Service
class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final AccountTokens tokens;
    private final Accounts accounts;
    private final Applicants applicants;
    private final ApplicantMails mails;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Duration validity;
    private final int mailsPerHour;
    private final SlidingWindowLimiter perAddress;
    /** Wrong current passwords per account: a stolen session must not become a password oracle. */
    private final SlidingWindowLimiter wrongCurrent = new SlidingWindowLimiter(5, Duration.ofMinutes(15));

    PasswordReset(AccountTokens tokens, Accounts accounts, Applicants applicants, ApplicantMails mails,
            PasswordPolicy policy, PasswordEncoder encoder, Clock clock,
            @Value("${app.applicant.reset-validity:PT1H}") Duration validity,
            @Value("${app.applicant.reset-mails-per-hour:3}") int mailsPerHour,
            @Value("${app.applicant.reset-requests-per-address:20}") int requestsPerAddress,
            @Value("${app.applicant.reset-window:PT1H}") Duration window) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.applicants = applicants;
        this.mails = mails;
        this.policy = policy;
        this.encoder = encoder;
        this.clock = clock;
        this.validity = validity;
        this.mailsPerHour = mailsPerHour;
        this.perAddress = new SlidingWindowLimiter(requestsPerAddress, window);
    }

    /**
     * Mails a reset link if the address belongs to an applicant and that account has not had too many
     * lately; otherwise does nothing, visibly the same. Throws only when this client asks too often,
     * which says nothing about the address.
     */
    @Transactional
    void request(String emailText, String clientAddress, Locale locale) {
        ApplicantInput input = new ApplicantInput();
        String email = input.email("email", emailText);
        input.throwIfInvalid();
        if (!perAddress.tryAcquire(clientAddress, clock.instant())) {
            throw new TooManyRequestsException("identity.reset.throttled");
        }
        Optional<ApplicantProfile> profile = applicants.accountWithEmail(email).flatMap(applicants::profile);
        if (profile.isEmpty()) {
            return;
        }
        long accountId = profile.get().accountId();
        if (tokens.issuedSince(accountId, Purpose.RESET_PASSWORD, clock.instant().minus(Duration.ofHours(1)))
                >= mailsPerHour) {
            log.info("Password reset mail for account {} not sent: hourly limit reached", accountId);
            return;
        }
        String token = tokens.issue(accountId, Purpose.RESET_PASSWORD, profile.get().email(), validity);
        mails.resetPassword(profile.get().email(), profile.get().fullName(), token, validity, locale);
    }

    /** Whether a reset link can still be used (to show the form, or say why not). */
    boolean usable(String tokenText) {
        return tokens.find(tokenText, Purpose.RESET_PASSWORD).filter(t -> t.usable(clock.instant())).isPresent();
    }

    /** Sets the new password with a reset link. */
    @Transactional
    void reset(String tokenText, String password, String confirmation, Locale locale) {
        Token token = tokens.find(tokenText, Purpose.RESET_PASSWORD).filter(t -> t.usable(clock.instant()))
                .orElseThrow(() -> new InvalidInputException("identity.reset.link-invalid"));
        ApplicantProfile profile = applicants.profile(token.accountId())
                .orElseThrow(() -> new InvalidInputException("identity.reset.link-invalid"));
        String username = accounts.username(token.accountId());
        ApplicantInput input = new ApplicantInput();
        input.add(policy.check("password", password, "passwordConfirmation", confirmation,
                identifiers(profile, username)));
        input.throwIfInvalid();
        if (!tokens.use(token)) {
            throw new InvalidInputException("identity.reset.link-invalid");
        }
        tokens.revokeAll(token.accountId(), Purpose.RESET_PASSWORD);
        accounts.changePassword(token.accountId(), encoder.encode(password));
        applicants.audit(token.accountId(), "PASSWORD_RESET", List.of("password"), username);
        mails.passwordChanged(profile.email(), profile.fullName(), locale);
    }

    /** Changes the password of a signed-in applicant, who must give the current one. */
    @Transactional
    void change(long accountId, String current, String password, String confirmation, Locale locale) {
        ApplicantProfile profile = applicants.profile(accountId).orElseThrow();
        String username = accounts.username(accountId);
        ApplicantInput input = new ApplicantInput();
        String hash = accounts.passwordHash(accountId).orElseThrow();
        String key = Long.toString(accountId);
        if (!wrongCurrent.allows(key, clock.instant())) {
            throw new TooManyRequestsException("identity.password.throttled");
        }
        if (current == null || current.isEmpty()) {
            input.problem("currentPassword", "validation.required");
        } else if (!encoder.matches(current, hash)) {
            wrongCurrent.record(key, clock.instant());
            input.problem("currentPassword", "identity.password.wrong-current");
        }
        input.add(policy.check("password", password, "passwordConfirmation", confirmation,
                identifiers(profile, username)));
        input.throwIfInvalid();
        accounts.changePassword(accountId, encoder.encode(password));
        tokens.revokeAll(accountId, Purpose.RESET_PASSWORD);
        applicants.audit(accountId, "PASSWORD_CHANGED", List.of("password"), username);
        mails.passwordChanged(profile.email(), profile.fullName(), locale);
    }

    private static List<String> identifiers(ApplicantProfile profile, String username) {
        List<String> ids = new java.util.ArrayList<>();
        ids.add(profile.email());
        ids.add(profile.citizenId());
        ids.add(profile.taxCode());
        ids.add(username);
        return ids;
    }
}
