package vn.dvc.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes outbound events the broker confirmed longer ago than the retention ({@code app.integration.retention.*},
 * 30 days by default), in small batches, each its own short transaction, so the outbox does not grow without end.
 * Events never delivered stay, however old: they are still owed. The highest deleted id is kept
 * ({@code integration_event_pruning}), so the feed can tell a client whose cursor is before it that it missed
 * events ({@link EventFeedApi}).
 */
@Component
class OutboundEventRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboundEventRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;
    private final Duration age;
    private final int batchSize;

    OutboundEventRetention(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${app.integration.retention.enabled:true}") boolean enabled,
            @Value("${app.integration.retention.age:P30D}") Duration age,
            @Value("${app.integration.retention.batch-size:1000}") int batchSize) {
        if (age.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("app.integration.retention: age >= 0 and batch-size >= 1");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
        this.age = age;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${app.integration.retention.cron:0 15 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        if (enabled) {
            prune();
        }
    }

    /** Deletes every event delivered before now minus the retention; answers how many. */
    long prune() {
        Timestamp before = Timestamp.from(clock.instant().minus(age));
        long total = 0;
        int deleted;
        do {
            deleted = transaction.execute(s -> batch(before));
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            log.info("deleted {} outbound events delivered before {}", total, before.toInstant());
        }
        return total;
    }

    private int batch(Timestamp before) {
        // skip locked: two instances pruning at once share the work instead of waiting for each other
        Deleted d = jdbc.sql("""
                with gone as (
                    delete from integration_event where id in (
                        select id from integration_event where published_at < ?
                         order by published_at limit ? for update skip locked)
                    returning id)
                select count(*) as n, coalesce(max(id), 0) as max_id from gone""")
                .params(before, batchSize).query(Deleted.class).single();
        if (d.n() > 0) {
            jdbc.sql("update integration_event_pruning set pruned_through = greatest(pruned_through, ?)")
                    .param(d.maxId()).update();
        }
        return (int) d.n();
    }

    /** The highest id ever deleted (0: none). */
    long prunedThrough() {
        return jdbc.sql("select pruned_through from integration_event_pruning").query(Long.class).single();
    }

    private record Deleted(long n, long maxId) {
    }
}
