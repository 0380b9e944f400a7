package vn.dvc.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.dvc.shared.InvalidInputException;

/**
 * Queues an e-mail in the caller's transaction: it leaves only if that transaction commits, and it is
 * retried until the SMTP server accepts it. Sending starts right after the commit; a scheduled
 * dispatcher picks up whatever is still due (after a failure or a restart).
 */
@Service
public class MailOutbox {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailDispatcher dispatcher;

    MailOutbox(JdbcClient jdbc, Clock clock, MailDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** Queues a plain-text mail and answers its outbox id. */
    public long queue(String recipient, String subject, String body) {
        if (recipient == null || !ADDRESS.matcher(recipient.strip()).matches()) {
            throw new InvalidInputException("notification.invalid-recipient");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into mail_outbox(recipient, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(recipient.strip(), subject, body, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
                .query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchSoon();
                }
            });
        } else {
            dispatcher.dispatchSoon();
        }
        return id;
    }
}
