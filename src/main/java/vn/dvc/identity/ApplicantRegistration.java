package vn.dvc.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.identity.Applicants.NewApplicant;
import vn.dvc.shared.CitizenId;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.TaxCode;
import vn.dvc.shared.VietnamTime;

/**
 * Registering an applicant account, for a citizen or an organisation. Everything is checked first and
 * reported at once; then the account, its profile, the audit line and the verification mail are
 * written in one transaction, so a refused registration leaves nothing behind and an accepted one
 * always has its mail.
 *
 * <p>The username is the citizen identity number (or the tax code): it never changes, unlike an e-mail
 * address; applicants may also sign in with their e-mail address. Registration must say when the
 * number or the address is already registered (otherwise the person cannot understand why they cannot
 * register), which tells a visitor that the number has an account; the limit per client address
 * bounds how many numbers one can probe. Elsewhere (password reset) the answers never tell.
 */
@Service
class ApplicantRegistration {

    private static final Logger log = LoggerFactory.getLogger(ApplicantRegistration.class);

    /** The citizen form as typed. */
    record CitizenForm(String fullName, String citizenId, String dateOfBirth, String sex, String phone, String email,
            String address, String password, String passwordConfirmation, Boolean termsAccepted) {
    }

    /** The organisation form as typed. */
    record OrganisationForm(String organisationName, String taxCode, String address, String representativeName,
            String representativeCitizenId, String representativePosition, String email, String phone,
            String password, String passwordConfirmation, Boolean termsAccepted) {
    }

    private final Accounts accounts;
    private final Applicants applicants;
    private final EmailVerification verification;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SlidingWindowLimiter perAddress;
    private final int minimumAge;
    private final String termsVersion;

    ApplicantRegistration(Accounts accounts, Applicants applicants, EmailVerification verification,
            PasswordPolicy passwordPolicy, PasswordEncoder encoder, Clock clock,
            @Value("${app.applicant.minimum-age:14}") int minimumAge,
            @Value("${app.applicant.terms-version:2026-01}") String termsVersion,
            @Value("${app.applicant.registrations-per-address:20}") int registrationsPerAddress,
            @Value("${app.applicant.registration-window:PT1H}") Duration registrationWindow) {
        this.accounts = accounts;
        this.applicants = applicants;
        this.verification = verification;
        this.passwordPolicy = passwordPolicy;
        this.encoder = encoder;
        this.clock = clock;
        this.minimumAge = minimumAge;
        this.termsVersion = termsVersion;
        this.perAddress = new SlidingWindowLimiter(registrationsPerAddress, registrationWindow);
    }

    int minimumAge() {
        return minimumAge;
    }

    /** Registers a citizen and mails the verification link; answers the new account's id. */
    @Transactional
    long registerCitizen(CitizenForm form, String clientAddress, Locale locale) {
        ApplicantInput input = new ApplicantInput();
        LocalDate today = today();
        String fullName = input.personName("fullName", form.fullName());
        CitizenId citizenId = input.citizenId("citizenId", form.citizenId());
        LocalDate dateOfBirth = input.dateOfBirth("dateOfBirth", form.dateOfBirth(), today, minimumAge);
        CitizenId.Sex sex = input.sex("sex", form.sex());
        input.citizenIdMatches("citizenId", citizenId, dateOfBirth, sex);
        String phone = input.mobile("phone", form.phone());
        String email = input.email("email", form.email());
        String address = input.text("address", form.address(), 300);
        String id = citizenId == null ? null : citizenId.value();
        input.add(passwordPolicy.check("password", form.password(), "passwordConfirmation",
                form.passwordConfirmation(), identifiers(email, id)));
        input.require(Boolean.TRUE.equals(form.termsAccepted()), "termsAccepted", "identity.validation.terms");
        input.throwIfInvalid();

        throttle(clientAddress);
        List<FieldProblem> taken = new ArrayList<>();
        if (applicants.citizenIdTaken(id) || accounts.findByUsername(id).isPresent()) {
            taken.add(new FieldProblem("citizenId", "identity.citizen-id.taken"));
        }
        if (applicants.accountWithEmail(email).isPresent()) {
            taken.add(new FieldProblem("email", "identity.validation.email-taken"));
        }
        if (!taken.isEmpty()) {
            throw new InvalidInputException(taken);
        }
        return create(id, form.password(), locale, new NewApplicant(ApplicantKind.CITIZEN, fullName, id, dateOfBirth,
                sex.name(), null, null, null, null, null, email, phone, address, termsVersion));
    }

    /** Registers an organisation and mails the verification link; answers the new account's id. */
    @Transactional
    long registerOrganisation(OrganisationForm form, String clientAddress, Locale locale) {
        ApplicantInput input = new ApplicantInput();
        String name = input.text("organisationName", form.organisationName(), 200);
        TaxCode taxCode = input.taxCode("taxCode", form.taxCode());
        String address = input.text("address", form.address(), 300);
        String representative = input.personName("representativeName", form.representativeName());
        CitizenId representativeId = input.citizenId("representativeCitizenId", form.representativeCitizenId());
        input.citizenIdPlausible("representativeCitizenId", representativeId, today());
        String position = input.text("representativePosition", form.representativePosition(), 100);
        String email = input.email("email", form.email());
        String phone = input.phone("phone", form.phone());
        String code = taxCode == null ? null : taxCode.value();
        input.add(passwordPolicy.check("password", form.password(), "passwordConfirmation",
                form.passwordConfirmation(), identifiers(email, code)));
        input.require(Boolean.TRUE.equals(form.termsAccepted()), "termsAccepted", "identity.validation.terms");
        input.throwIfInvalid();

        throttle(clientAddress);
        List<FieldProblem> taken = new ArrayList<>();
        if (applicants.taxCodeTaken(code) || accounts.findByUsername(code).isPresent()) {
            taken.add(new FieldProblem("taxCode", "identity.tax-code.taken"));
        }
        if (applicants.accountWithEmail(email).isPresent()) {
            taken.add(new FieldProblem("email", "identity.validation.email-taken"));
        }
        if (!taken.isEmpty()) {
            throw new InvalidInputException(taken);
        }
        return create(code, form.password(), locale, new NewApplicant(ApplicantKind.ORGANISATION, name, null, null,
                null, name, code, representative, representativeId.value(), position, email, phone, address,
                termsVersion));
    }

    private long create(String username, String password, Locale locale, NewApplicant applicant) {
        long accountId;
        try {
            accountId = accounts.create(username, encoder.encode(password), applicant.fullName(), applicant.email(),
                    null, EnumSet.of(Role.APPLICANT), false);
            applicants.insert(accountId, applicant, false);
        } catch (DuplicateKeyException e) {
            // Someone registered the same number or address a moment ago.
            throw new InvalidInputException("identity.register.already-registered");
        }
        applicants.audit(accountId, "REGISTERED", List.of(), username);
        verification.send(accountId, applicant.email(), applicant.fullName(), locale);
        log.info("Applicant account {} registered ({})", accountId, applicant.kind());
        return accountId;
    }

    /**
     * Counts only complete, valid forms: typing mistakes cost nothing, while probing whether numbers
     * are registered costs a whole valid form each.
     */
    private void throttle(String clientAddress) {
        if (!perAddress.tryAcquire(clientAddress, clock.instant())) {
            throw new TooManyRequestsException("identity.register.throttled");
        }
    }

    static List<String> identifiers(String email, String number) {
        List<String> identifiers = new ArrayList<>();
        identifiers.add(email);
        identifiers.add(number);
        return identifiers;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
