package vn.dvc.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How to reach an account holder: for mails about their dossiers. */
@Component
public class AccountContacts {

    private final JdbcClient jdbc;

    AccountContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where and how to write to an account holder: the e-mail address and the name to greet. */
    public record Mailbox(String address, String name) {
    }

    /** The account's e-mail address and full name (one read), if it has an address. */
    public Optional<Mailbox> mailbox(long accountId) {
        return jdbc.sql("""
                select email, coalesce(full_name, '') from account
                 where id = ? and email is not null and email <> ''""")
                .param(accountId).query((rs, n) -> new Mailbox(rs.getString(1), rs.getString(2))).optional();
    }

    /** The e-mail address of an enabled account by its username (an officer holding a dossier's step). */
    public Optional<String> email(String username) {
        return jdbc.sql("select email from account where username = ? and enabled and email is not null and email <> ''")
                .param(username).query(String.class).optional();
    }

    /** The account holder's full name (for greetings), if the account exists. */
    public Optional<String> fullName(long accountId) {
        return jdbc.sql("select full_name from account where id = ?").param(accountId).query(String.class).optional();
    }

    /**
     * The e-mail addresses of an agency's enabled officer accounts holding any of these roles (for warnings about
     * their dossiers), each once, in username order.
     */
    public List<String> officerEmails(String agencyCode, Collection<Role> roles) {
        if (agencyCode == null || roles == null || roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.email from account a
                 where a.agency_code = :agency and a.enabled and a.email is not null and a.email <> ''
                   and exists (select 1 from account_role r where r.account_id = a.id and r.role in (:roles))
                 order by a.username""")
                .param("agency", agencyCode).param("roles", roles.stream().map(Role::name).toList())
                .query(String.class).list().stream().distinct().toList();
    }
}
