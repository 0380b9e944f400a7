package vn.dvc.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.shared.CitizenId;
import vn.dvc.shared.TaxCode;
import vn.dvc.shared.VietnameseText;

/**
 * The applicant of a dossier registered by a reception officer (a citizen at the counter, or a dossier sent
 * by post), ADR 0016: the applicant account with that citizen identity number if there is one (the names must
 * agree); otherwise a new applicant account with that number as username, marked as created at the counter,
 * with a password nobody knows. Its owner claims it through the password reset when an e-mail address was
 * given (or later by giving one at the counter). Nobody is asked to accept the online terms at the counter.
 * The applicant must be as old as one registering online ({@code app.applicant.minimum-age}); a known
 * person's date of birth, when typed, must be plausible and the one the account has.
 * <p>
 * An organisation (enterprise, association, ...) is found the same way by its tax code (the organisation's
 * name must agree), or gets a new account with the tax code as username, as if it had registered online but
 * without a password: the fields online organisation registration asks, minus the password and the terms.
 */
@Service
public class CounterApplicants {

    /** Who applies at the counter: a citizen or an organisation. */
    public sealed interface Applicant permits CounterApplicant, CounterOrganisation {
    }

    /** The person as the officer typed them from the identity card. E-mail is optional. */
    public record CounterApplicant(String fullName, String citizenId, String dateOfBirth, String sex, String phone,
            String email, String address) implements Applicant {
    }

    /**
     * The organisation as the officer typed it from its registration papers, and its legal representative
     * (name, citizen identity number, position). E-mail is optional.
     */
    public record CounterOrganisation(String taxCode, String organisationName, String address, String phone,
            String email, String representativeName, String representativeCitizenId,
            String representativePosition) implements Applicant {
    }

    /** The account the dossier belongs to, and whether it was made now. */
    public record Found(long accountId, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Applicants applicants;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final int minimumAge;

    CounterApplicants(JdbcClient jdbc, Accounts accounts, Applicants applicants, PasswordEncoder encoder, Clock clock,
            @Value("${app.applicant.minimum-age:14}") int minimumAge) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.applicants = applicants;
        this.encoder = encoder;
        this.clock = clock;
        this.minimumAge = minimumAge;
    }

    /** Finds or creates the citizen or the organisation, in the caller's transaction. */
    @Transactional
    public Found findOrCreate(Applicant applicant, String officer) {
        if (applicant instanceof CounterOrganisation organisation) {
            return findOrCreate(organisation, officer);
        }
        return findOrCreate((CounterApplicant) applicant, officer);
    }

    /**
     * Finds or creates the applicant, in the caller's transaction. Bad input throws
     * {@link vn.dvc.shared.InvalidInputException} with problems on the fields {@code applicantFullName}, {@code applicantCitizenId}, ....
     */
    @Transactional
    public Found findOrCreate(CounterApplicant person, String officer) {
        ApplicantInput input = new ApplicantInput();
        LocalDate today = LocalDate.now(clock);
        String name = input.personName("applicantFullName", person.fullName());
        CitizenId id = input.citizenId("applicantCitizenId", person.citizenId());
        input.throwIfInvalid();
        // One registration of a person at a time (two counters, a double click): the second waits for the first
        // and then finds the account it made, instead of failing on the account's unique username.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(17, hashtext(?))) l").param(id.value())
                .query(Integer.class).single();
        Optional<ApplicantProfile> existing = jdbc.sql(
                "select account_id from applicant where kind = 'CITIZEN' and citizen_id = ?").param(id.value())
                .query(Long.class).optional().flatMap(applicants::profile);
        if (existing.isPresent()) {
            if (!VietnameseText.fold(existing.get().fullName()).equals(VietnameseText.fold(name))) {
                input.problem("applicantFullName", "identity.counter.name-mismatch");
            }
            // The date read from the card is optional for a known person, but when typed it must be a real,
            // plausible date, and the one the account has.
            if (person.dateOfBirth() != null && !person.dateOfBirth().isBlank()) {
                LocalDate typed = input.dateOfBirth("applicantDateOfBirth", person.dateOfBirth(), today, 0);
                LocalDate known = existing.get().dateOfBirth();
                if (typed != null && known != null && !typed.equals(known)) {
                    input.problem("applicantDateOfBirth", "identity.counter.birth-mismatch");
                }
            }
            input.throwIfInvalid();
            return new Found(existing.get().accountId(), false);
        }
        LocalDate birth = input.dateOfBirth("applicantDateOfBirth", person.dateOfBirth(), today, minimumAge);
        CitizenId.Sex sex = input.sex("applicantSex", person.sex());
        input.citizenIdMatches("applicantCitizenId", id, birth, sex);
        input.citizenIdPlausible("applicantCitizenId", id, today);
        String phone = input.phone("applicantPhone", person.phone());
        String address = input.text("applicantAddress", person.address(), 500);
        String email = person.email() == null || person.email().isBlank() ? null
                : input.email("applicantEmail", person.email());
        if (email != null && applicants.accountWithEmail(email).isPresent()) {
            input.problem("applicantEmail", "identity.counter.email-taken");
        }
        input.throwIfInvalid();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        long accountId = accounts.create(id.value(), encoder.encode(Base64.getEncoder().encodeToString(secret)), name,
                email, null, java.util.EnumSet.of(Role.APPLICANT), false);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into applicant(account_id, kind, full_name, citizen_id, date_of_birth, sex, email, phone, address,
                                      origin, registered_by, registered_at, updated_at)
                values (?, 'CITIZEN', ?, ?, ?, ?, ?, ?, ?, 'COUNTER', ?, ?, ?)""")
                .params(accountId, name, id.value(), birth, sex.name(), email, phone, address, officer, now, now)
                .update();
        applicants.audit(accountId, "CREATED_AT_COUNTER", java.util.List.of(), officer);
        return new Found(accountId, true);
    }
    /**
     * Finds or creates the organisation, in the caller's transaction. Bad input throws
     * {@link vn.dvc.shared.InvalidInputException} with problems on the fields {@code applicantTaxCode},
     * {@code applicantOrganisationName}, {@code applicantRepresentative}, ....
     */
    @Transactional
    public Found findOrCreate(CounterOrganisation organisation, String officer) {
        ApplicantInput input = new ApplicantInput();
        TaxCode taxCode = input.taxCode("applicantTaxCode", organisation.taxCode());
        String name = input.text("applicantOrganisationName", organisation.organisationName(), 200);
        input.throwIfInvalid();
        String code = taxCode.value();
        // As for citizens: one registration of a tax code at a time. A canonical tax code (10 digits, or 10-3)
        // never equals a citizen identity number (12 digits), so the two share the lock's key space.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(17, hashtext(?))) l").param(code)
                .query(Integer.class).single();
        Optional<ApplicantProfile> existing = jdbc.sql(
                "select account_id from applicant where kind = 'ORGANISATION' and tax_code = ?").param(code)
                .query(Long.class).optional().flatMap(applicants::profile);
        if (existing.isPresent()) {
            String known = existing.get().organisationName() != null ? existing.get().organisationName()
                    : existing.get().fullName();
            if (!VietnameseText.fold(known).equals(VietnameseText.fold(name))) {
                input.problem("applicantOrganisationName", "identity.counter.organisation-name-mismatch");
            }
            input.throwIfInvalid();
            return new Found(existing.get().accountId(), false);
        }
        String address = input.text("applicantAddress", organisation.address(), 300);
        String phone = input.phone("applicantPhone", organisation.phone());
        String email = organisation.email() == null || organisation.email().isBlank() ? null
                : input.email("applicantEmail", organisation.email());
        String representative = input.personName("applicantRepresentative", organisation.representativeName());
        CitizenId representativeId = input.citizenId("applicantRepresentativeCitizenId",
                organisation.representativeCitizenId());
        input.citizenIdPlausible("applicantRepresentativeCitizenId", representativeId, LocalDate.now(clock));
        String position = input.text("applicantRepresentativePosition", organisation.representativePosition(), 100);
        if (email != null && applicants.accountWithEmail(email).isPresent()) {
            input.problem("applicantEmail", "identity.counter.email-taken");
        }
        if (accounts.findByUsername(code).isPresent()) {
            // An account named by this tax code that is not an organisation's: never take it over.
            input.problem("applicantTaxCode", "identity.counter.tax-code-other-account");
        }
        input.throwIfInvalid();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        long accountId = accounts.create(code, encoder.encode(Base64.getEncoder().encodeToString(secret)), name,
                email, null, java.util.EnumSet.of(Role.APPLICANT), false);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into applicant(account_id, kind, full_name, organisation_name, tax_code, representative_name,
                                      representative_citizen_id, representative_position, email, phone, address,
                                      origin, registered_by, registered_at, updated_at)
                values (?, 'ORGANISATION', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COUNTER', ?, ?, ?)""")
                .params(accountId, name, name, code, representative, representativeId.value(), position, email, phone,
                        address, officer, now, now)
                .update();
        applicants.audit(accountId, "CREATED_AT_COUNTER", java.util.List.of(), officer);
        return new Found(accountId, true);
    }
}
