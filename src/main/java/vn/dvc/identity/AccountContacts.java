package vn.dvc.identity;

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

    /** The account's e-mail address, if it has one. */
    public Optional<String> email(long accountId) {
        return jdbc.sql("select email from account where id = ? and email is not null and email <> ''")
                .param(accountId).query(String.class).optional();
    }

    /** The account holder's full name (for greetings), if the account exists. */
    public Optional<String> fullName(long accountId) {
        return jdbc.sql("select full_name from account where id = ?").param(accountId).query(String.class).optional();
    }
}
