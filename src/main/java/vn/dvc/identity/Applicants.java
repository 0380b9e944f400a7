package vn.dvc.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvc.shared.VietnamTime;

/**
 * The applicants behind APPLICANT accounts. Other modules read a profile (to prefill forms, to check
 * that an applicant may submit and who owns a dossier); the identity module's use cases write it.
 */
@Service
public class Applicants {

    private static final String PROFILE = """
            select account_id, kind, full_name, citizen_id, date_of_birth, sex, phone, email, address, tax_code,
                   organisation_name, representative_name, representative_citizen_id, representative_position,
                   email_verified_at is not null as email_verified
              from applicant
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;

    Applicants(JdbcClient jdbc, Clock clock, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** The profile of the applicant with this account; empty for officers and unknown accounts. */
    public Optional<ApplicantProfile> profile(long accountId) {
        return jdbc.sql(PROFILE + " where account_id = ?").param(accountId).query(Applicants::map).optional();
    }

    /** The profile of the signed-in applicant; empty when nobody or an officer is signed in. */
    public Optional<ApplicantProfile> current() {
        return currentUser.principal().flatMap(p -> profile(p.id()));
    }

    /** Whether this account may submit dossiers: an applicant whose e-mail address is verified. */
    public boolean maySubmitDossiers(long accountId) {
        return profile(accountId).map(ApplicantProfile::emailVerified).orElse(false);
    }

    /** A new applicant's profile, as validated by the registration. */
    record NewApplicant(ApplicantKind kind, String fullName, String citizenId, LocalDate dateOfBirth, String sex,
            String organisationName, String taxCode, String representativeName, String representativeCitizenId,
            String representativePosition, String email, String phone, String address, String termsVersion) {
    }

    void insert(long accountId, NewApplicant a, boolean emailVerified) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into applicant(account_id, kind, full_name, citizen_id, date_of_birth, sex, organisation_name,
                                      tax_code, representative_name, representative_citizen_id,
                                      representative_position, email, email_verified_at, phone, address,
                                      terms_version, terms_accepted_at, registered_at, updated_at)
                values (:id, :kind, :fullName, :citizenId, :dob, :sex, :orgName, :taxCode, :repName, :repId, :repPos,
                        :email, :verified, :phone, :address, :terms, :now, :now, :now)
                """).param("id", accountId).param("kind", a.kind().name()).param("fullName", a.fullName())
                .param("citizenId", a.citizenId()).param("dob", a.dateOfBirth()).param("sex", a.sex())
                .param("orgName", a.organisationName()).param("taxCode", a.taxCode())
                .param("repName", a.representativeName()).param("repId", a.representativeCitizenId())
                .param("repPos", a.representativePosition()).param("email", a.email())
                .param("verified", emailVerified ? now : null).param("phone", a.phone()).param("address", a.address())
                .param("terms", a.termsVersion()).param("now", now).update();
    }

    /** The account whose applicant has this e-mail address (any case). */
    Optional<Long> accountWithEmail(String email) {
        return jdbc.sql("select account_id from applicant where lower(email) = lower(?)").param(email)
                .query(Long.class).optional();
    }

    boolean citizenIdTaken(String citizenId) {
        return jdbc.sql("select count(*) from applicant where kind = 'CITIZEN' and citizen_id = ?").param(citizenId)
                .query(Long.class).single() > 0;
    }

    boolean taxCodeTaken(String taxCode) {
        return jdbc.sql("select count(*) from applicant where kind = 'ORGANISATION' and tax_code = ?").param(taxCode)
                .query(Long.class).single() > 0;
    }

    /** Changes phone and address; answers the names of the fields that really changed. */
    List<String> updateContacts(long accountId, String phone, String address) {
        ApplicantProfile before = profile(accountId).orElseThrow();
        List<String> changed = new java.util.ArrayList<>();
        if (!phone.equals(before.phone())) {
            changed.add("phone");
        }
        if (!address.equals(before.address())) {
            changed.add("address");
        }
        if (!changed.isEmpty()) {
            jdbc.sql("update applicant set phone = ?, address = ?, updated_at = ? where account_id = ?")
                    .params(phone, address, Timestamp.from(clock.instant()), accountId).update();
        }
        return changed;
    }

    /** Makes this address the applicant's verified address (the same one, or a new one after a change). */
    void verifyEmail(long accountId, String email) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update applicant set email = ?, email_verified_at = ?, updated_at = ? where account_id = ?")
                .params(email, now, now, accountId).update();
        jdbc.sql("update account set email = ? where id = ?").params(email, accountId).update();
    }

    /** Appends to the audit of the account: the action and the names of the fields it changed. */
    void audit(long accountId, String action, List<String> fields, String actor) {
        jdbc.sql("insert into applicant_change(account_id, action, fields, actor, changed_at) values (?, ?, ?, ?, ?)")
                .params(accountId, action, fields.toArray(String[]::new), actor, Timestamp.from(clock.instant()))
                .update();
    }

    /** One line of an account's audit. */
    record Change(String action, List<String> fields, String actor, ZonedDateTime changedAt) {

        /** The fields worth naming on the page: those of a contacts update; the other actions' names say them. */
        public List<String> shownFields() {
            return "CONTACTS_UPDATED".equals(action) ? fields : List.of();
        }
    }

    List<Change> changes(long accountId, int limit) {
        return jdbc.sql("""
                select action, fields, actor, changed_at from applicant_change
                 where account_id = ? order by changed_at desc, id desc limit ?
                """).params(accountId, limit).query((rs, row) -> new Change(rs.getString("action"),
                        List.of((String[]) rs.getArray("fields").getArray()), rs.getString("actor"),
                        rs.getTimestamp("changed_at").toInstant().atZone(VietnamTime.ZONE))).list();
    }

    private static ApplicantProfile map(ResultSet rs, int row) throws SQLException {
        return new ApplicantProfile(rs.getLong("account_id"), ApplicantKind.valueOf(rs.getString("kind")),
                rs.getString("full_name"), rs.getString("citizen_id"), rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("sex"), rs.getString("phone"), rs.getString("email"), rs.getString("address"),
                rs.getString("tax_code"), rs.getString("organisation_name"), rs.getString("representative_name"),
                rs.getString("representative_citizen_id"), rs.getString("representative_position"),
                rs.getBoolean("email_verified"));
    }
}
