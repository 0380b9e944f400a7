package vn.dvc.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;

/**
 * Outbound events delivered longer ago than the retention are deleted in batches; undelivered ones are kept
 * however old; the feed tells a client whose cursor is before a deleted event that it missed events.
 */
@IntegrationTest
class OutboundEventRetentionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    private long event(String marker, Duration recordedAgo, Duration publishedAgo) {
        Instant now = clock.instant();
        Timestamp recorded = Timestamp.from(now.minus(recordedAgo));
        return jdbc.sql("""
                insert into integration_event(event_type, routing_key, payload, occurred_at, recorded_at,
                                              published_at, attempts, next_attempt_at)
                values ('dossier.submitted', 'dossier.submitted', cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
                .params("{\"dossierCode\":\"" + marker + "\"}", recorded, recorded,
                        publishedAgo == null ? null : Timestamp.from(now.minus(publishedAgo)),
                        publishedAgo == null ? 3 : 1, recorded)
                .query(Long.class).single();
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from integration_event where id = ?").param(id).query(Long.class).single() == 1;
    }

    private JsonNode feed(long after) throws Exception {
        String body = mvc.perform(get("/api/v1/integration/events").param("after", String.valueOf(after))
                        .param("limit", "500").with(DemoAccounts.as(accounts, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    @Test
    void deliveredEventsOlderThanTheRetentionGoInBatchesAndUndeliveredOnesStay() throws Exception {
        String marker = "RET-" + UUID.randomUUID();
        long before = jdbc.sql("select coalesce(max(id), 0) from integration_event").query(Long.class).single();
        long undeliveredOld = event(marker, Duration.ofDays(90), null);
        List<Long> deliveredOld = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveredOld.add(event(marker, Duration.ofDays(60), Duration.ofDays(31)));
        }
        long deliveredRecently = event(marker, Duration.ofDays(40), Duration.ofDays(29));
        long fresh = event(marker, Duration.ofMinutes(1), Duration.ofSeconds(30));

        // A client that read up to "before" has missed nothing yet.
        assertThat(feed(before).get("prunedThrough").isNull()).isTrue();

        // Batches of 2: the five old delivered events take three batches.
        var retention = new OutboundEventRetention(jdbc, transaction, clock, true, Duration.ofDays(30), 2);
        assertThat(retention.prune()).isGreaterThanOrEqualTo(5);

        assertThat(deliveredOld).noneMatch(this::exists);
        assertThat(exists(undeliveredOld)).as("never delivered: still owed").isTrue();
        assertThat(exists(deliveredRecently)).isTrue();
        assertThat(exists(fresh)).isTrue();
        long last = deliveredOld.get(deliveredOld.size() - 1);
        assertThat(retention.prunedThrough()).isGreaterThanOrEqualTo(last);
        assertThat(retention.prune()).as("nothing more to delete").isZero();

        // A client whose cursor is before the deleted events is told it missed some, and still gets every
        // event kept after its cursor, the undelivered old one included.
        JsonNode page = feed(before);
        assertThat(page.get("prunedThrough").asLong()).isGreaterThanOrEqualTo(last);
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        assertThat(ids).contains(undeliveredOld, deliveredRecently, fresh).doesNotContainAnyElementsOf(deliveredOld);
        // One whose cursor is past them has missed nothing.
        assertThat(feed(retention.prunedThrough()).get("prunedThrough").isNull()).isTrue();
    }
}
