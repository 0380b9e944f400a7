package vn.dvc.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.shared.CitizenId;
import vn.dvc.shared.TaxCode;

/** Accounts and their roles. */
@Repository
class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<AccountPrincipal> findByUsername(String username) {
        return findWhere("a.username = :key", username);
    }

    Optional<AccountPrincipal> findById(long id) {
        return findWhere("a.id = :key", id);
    }

    /**
     * The account someone means when signing in with this name: a username, or an applicant's e-mail
     * address (any case), citizen identity number or tax code (spaces ignored). A username wins over the
     * others, so an applicant cannot shadow an officer.
     */
    Optional<AccountPrincipal> findForSignIn(String name) {
        return accountIdForSignIn(name).flatMap(this::findById);
    }

    /** The username of the account {@link #findForSignIn} would find. */
    Optional<String> usernameForSignIn(String name) {
        return accountIdForSignIn(name).flatMap(id -> jdbc.sql("select username from account where id = ?")
                .param(id).query(String.class).optional());
    }

    private Optional<Long> accountIdForSignIn(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String typed = name.strip();
        return jdbc.sql("""
                with candidate(id, priority) as (
                    select id, 1 from account where username = :typed
                    union all select account_id, 2 from applicant where lower(email) = lower(:typed)
                    union all select account_id, 3 from applicant where kind = 'CITIZEN' and citizen_id = :citizenId
                    union all select account_id, 4 from applicant where kind = 'ORGANISATION' and tax_code = :taxCode)
                select id from candidate order by priority limit 1
                """).param("typed", typed)
                .param("citizenId", CitizenId.tryParse(typed).map(CitizenId::value).orElse(null))
                .param("taxCode", TaxCode.tryParse(typed).map(TaxCode::value).orElse(null))
                .query(Long.class).optional();
    }

    private Optional<AccountPrincipal> findWhere(String condition, Object key) {
        return jdbc.sql("""
                select a.id, a.username, a.password_hash, a.full_name, a.agency_code, a.enabled, a.locked_until,
                       coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
                  from account a left join account_role r on r.account_id = a.id
                """ + " where " + condition + " group by a.id").param("key", key).query((rs, row) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new AccountPrincipal(rs.getLong("id"), rs.getString("username"),
                            rs.getString("password_hash"), rs.getString("full_name"), rs.getString("agency_code"),
                            roles, rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(), clock);
                }).optional();
    }

    String username(long id) {
        return jdbc.sql("select username from account where id = ?").param(id).query(String.class).single();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional();
    }

    /** Sets a new password; the account is unlocked, since whoever set it has proved who they are. */
    void changePassword(long id, String passwordHash) {
        jdbc.sql("update account set password_hash = ?, failed_attempts = 0, locked_until = null where id = ?")
                .params(passwordHash, id).update();
    }

    @Transactional
    long create(String username, String passwordHash, String fullName, String email, String agencyCode,
            Set<Role> roles, boolean demo) {
        long id = jdbc.sql("""
                insert into account(username, password_hash, full_name, email, agency_code, demo)
                values (:username, :hash, :fullName, :email, :agency, :demo) returning id
                """).param("username", username).param("hash", passwordHash).param("fullName", fullName)
                .param("email", email).param("agency", agencyCode).param("demo", demo).query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into account_role(account_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    /** Counts a failed sign-in; at the limit, locks the account for the lock duration. */
    void recordFailure(String username, int limit, Duration lock) {
        jdbc.sql("""
                update account
                   set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= :limit then :until else locked_until end
                 where username = :username
                """).param("limit", limit).param("until", Timestamp.from(clock.instant().plus(lock)))
                .param("username", username).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = ?")
                .param(username).update();
    }

    void logLogin(String username, boolean succeeded, String remoteAddr) {
        jdbc.sql("insert into login_event(username, succeeded, remote_addr, occurred_at) values (?, ?, ?, ?)")
                .params(username, succeeded, remoteAddr, Timestamp.from(clock.instant())).update();
    }

    Instant now() {
        return clock.instant();
    }
}
