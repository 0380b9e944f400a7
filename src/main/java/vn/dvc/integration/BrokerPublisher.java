package vn.dvc.integration;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the recorded events to the broker's topic exchange, in order, each one persistent and
 * confirmed by the broker before its row is marked published (at least once: a consumer may see an
 * event twice after a crash and recognises it by its message id {@code dvc-event-<id>}). Rows are
 * claimed with {@code for update skip locked}, so several instances never interleave one batch.
 * Without a configured broker ({@code app.integration.broker.enabled=false}) events stay in the feed.
 */
@Component
class BrokerPublisher {

    private static final Logger log = LoggerFactory.getLogger(BrokerPublisher.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectProvider<RabbitTemplate> rabbit;
    private final TaskExecutor executor;
    private final boolean enabled;
    private final String exchange;
    private final Duration confirmTimeout;
    private final Duration maxBackoff;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    BrokerPublisher(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, ObjectProvider<RabbitTemplate> rabbit,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            @Value("${app.integration.broker.enabled:false}") boolean enabled,
            @Value("${app.integration.broker.exchange:dvc.events}") String exchange,
            @Value("${app.integration.broker.confirm-timeout:PT10S}") Duration confirmTimeout,
            @Value("${app.integration.broker.max-backoff:PT10M}") Duration maxBackoff) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.rabbit = rabbit;
        this.executor = executor;
        this.enabled = enabled;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
        this.maxBackoff = maxBackoff;
    }

    boolean enabled() {
        return enabled;
    }

    /** Publishes what is due on a background thread (after a commit that recorded an event). */
    void publishSoon() {
        if (enabled && scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                publishDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${app.integration.broker.publish-interval:PT10S}", initialDelayString = "PT10S")
    void scheduledPublish() {
        if (enabled) {
            publishDue();
        }
    }

    /** Publishes every due event, batch after batch; answers how many the broker confirmed. */
    int publishDue() {
        if (!enabled) {
            return 0;
        }
        int published = 0;
        while (true) {
            Integer batch = transaction.execute(status -> publishBatch());
            if (batch == null || batch <= 0) {
                return published;
            }
            published += batch;
        }
    }

    /** One batch in one transaction: answers how many were confirmed, 0 when nothing was due or it failed. */
    private int publishBatch() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                select id, event_type, routing_key, agency_code, cast(payload as text) as payload, occurred_at, attempts
                from integration_event
                where published_at is null and next_attempt_at <= ?
                order by id limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH).query(Pending.class).list();
        if (due.isEmpty()) {
            return 0;
        }
        try {
            rabbit.getObject().invoke(operations -> {
                for (Pending event : due) {
                    operations.send(exchange, event.routingKey(), message(event));
                }
                operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
                return null;
            });
        } catch (RuntimeException e) {
            for (Pending event : due) {
                Duration delay = backoff(event.attempts() + 1);
                jdbc.sql("""
                        update integration_event set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        where id = ?""")
                        .params(Timestamp.from(now.plus(delay)), e.getClass().getSimpleName(), event.id()).update();
            }
            log.warn("Events {}..{} not published, next try later: {}", due.get(0).id(), due.get(due.size() - 1).id(),
                    e.getClass().getSimpleName());
            return 0;
        }
        Timestamp publishedAt = Timestamp.from(clock.instant());
        for (Pending event : due) {
            jdbc.sql("update integration_event set published_at = ?, attempts = attempts + 1, last_error = null "
                    + "where id = ?").params(publishedAt, event.id()).update();
        }
        return due.size();
    }

    private static Message message(Pending event) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId("dvc-event-" + event.id());
        properties.setType(event.eventType());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setTimestamp(java.util.Date.from(event.occurredAt()));
        if (event.agencyCode() != null) {
            properties.setHeader("agencyCode", event.agencyCode());
        }
        return new Message(event.payload().getBytes(StandardCharsets.UTF_8), properties);
    }

    Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(15L << Math.min(attempts - 1, 16));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    record Pending(long id, String eventType, String routingKey, String agencyCode, String payload, Instant occurredAt,
            int attempts) {
    }
}
