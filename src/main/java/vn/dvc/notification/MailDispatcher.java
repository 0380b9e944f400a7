package vn.dvc.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends the due mails of the outbox. Rows are claimed with {@code for update skip locked}, so several
 * instances never send one mail twice; a failure pushes the next attempt back (1, 2, 4 … minutes, at
 * most an hour) and is retried until the server accepts the mail. Logs name outbox ids, never
 * addresses or contents.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;
    /**
     * Jakarta Mail asks for its {@code StreamProvider} each time it encodes or parses a header or a body,
     * and without this property each request is a {@code ServiceLoader} search through every jar on
     * the class path (in the packaged application a quarter of the CPU of an online submission, measured
     * in docs/benchmarks.md). Naming the provider makes the search a class lookup.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailDispatcher.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JavaMailSender sender;
    private final TaskExecutor executor;
    private final String from;
    private final Duration maxBackoff;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    MailDispatcher(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, JavaMailSender sender,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, @Value("${app.mail.from}") String from,
            @Value("${app.mail.max-backoff:PT1H}") Duration maxBackoff) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.sender = sender;
        this.executor = executor;
        this.from = from;
        this.maxBackoff = maxBackoff;
    }

    /** Sends what is due on a background thread (after a commit that queued a mail). */
    void dispatchSoon() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                dispatchDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${app.mail.dispatch-interval:PT15S}", initialDelayString = "PT10S")
    void scheduledDispatch() {
        dispatchDue();
    }

    /**
     * Sends every mail that is due, batch after batch, until a batch is not full (nothing else was due when
     * it was read: a mail queued since then schedules its own dispatch); answers how many were sent.
     */
    int dispatchDue() {
        int sent = 0;
        while (true) {
            Batch batch = transaction.execute(status -> sendBatch());
            sent += batch.sent();
            if (batch.due() < BATCH || batch.stop()) {
                return sent;
            }
        }
    }

    /** What one batch did: how many mails were due, how many of them were sent, whether to stop here. */
    private record Batch(int due, int sent, boolean stop) {
    }

    /** One batch in one transaction. */
    private Batch sendBatch() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                select id, recipient, subject, body, attempts from mail_outbox
                where sent_at is null and next_attempt_at <= ?
                order by next_attempt_at, id limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH).query(Pending.class).list();
        if (due.isEmpty()) {
            return new Batch(0, 0, true);
        }
        int sent = 0;
        boolean failed = false;
        for (Pending mail : due) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.body(), false);
                helper.setSentDate(java.util.Date.from(now));
                sender.send(message);
                jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), mail.id()).update();
                sent++;
            } catch (Exception e) {
                failed = true;
                Duration delay = backoff(mail.attempts() + 1);
                jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        where id = ?""")
                        .params(Timestamp.from(now.plus(delay)), e.getClass().getSimpleName(), mail.id()).update();
                log.warn("Mail {} not sent (attempt {}), next try in {}: {}", mail.id(), mail.attempts() + 1, delay,
                        e.getClass().getSimpleName());
            }
        }
        // After a failure the server is probably down: stop here and let the schedule try again later.
        return new Batch(due.size(), sent, failed && sent == 0);
    }

    Duration backoff(int attempts) {
        Duration delay = Duration.ofMinutes(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    record Pending(long id, String recipient, String subject, String body, int attempts) {
    }
}
