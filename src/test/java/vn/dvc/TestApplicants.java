package vn.dvc;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Applicants made for a test: an APPLICANT account with a verified e-mail ({@code username@example.vn}). */
public final class TestApplicants {

    /** Identity numbers are unique across the run (not valid CCCDs: no rule reads them here). */
    private static final AtomicLong NEXT = new AtomicLong(640_000_000_000L + System.nanoTime() % 10_000_000L);

    private TestApplicants() {
    }

    /** Creates the account and its citizen profile; answers the account id. */
    public static long create(JdbcClient jdbc, String username) {
        long id = jdbc.sql("""
                insert into account(username, password_hash, full_name, email) values (?, '{noop}x', ?, ?)
                returning id""").params(username, "Người nộp " + username, username + "@example.vn")
                .query(Long.class).single();
        jdbc.sql("insert into account_role(account_id, role) values (?, 'APPLICANT')").param(id).update();
        jdbc.sql("""
                insert into applicant(account_id, kind, full_name, citizen_id, date_of_birth, sex, email,
                                      email_verified_at, phone, address, terms_version, terms_accepted_at,
                                      registered_at, updated_at)
                values (?, 'CITIZEN', ?, ?, date '1985-01-01', 'MALE', ?, now(), '0912345678', 'Pleiku', 'test',
                        now(), now(), now())""")
                .params(id, "Người nộp " + username, String.format("%012d", NEXT.incrementAndGet()),
                        username + "@example.vn")
                .update();
        return id;
    }
}
