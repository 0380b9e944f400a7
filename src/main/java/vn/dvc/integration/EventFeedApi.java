package vn.dvc.integration;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.shared.InvalidInputException;

/**
 * The outbound events as a feed, for systems that pull rather than subscribe (the national portal
 * sync): read with an OAuth2 client-credentials token of scope {@code events.read}, page after page by
 * the last id seen.
 */
@RestController
@Tag(name = "Tích hợp", description = "Sự kiện hồ sơ và thanh toán cho hệ thống khác (OAuth2, scope events.read)")
class EventFeedApi {

    static final int MAX_LIMIT = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final OutboundEventRetention retention;

    EventFeedApi(JdbcClient jdbc, OutboundEventRetention retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @GetMapping("/api/v1/integration/events")
    @PreAuthorize("hasAnyAuthority('SCOPE_events.read', 'ROLE_SYSTEM_ADMIN')")
    @Operation(summary = "Events after a given id, oldest first",
            description = "Types: dossier.submitted, dossier.status-changed (national statuses 1..10), "
                    + "payment.confirmed. The same events go to the broker's topic exchange (routing key = type, "
                    + "message id dvc-event-<id>). No personal data. Events delivered to the broker are kept for "
                    + "a retention period (30 days by default), then deleted; undelivered ones are kept. When events "
                    + "after the given id have been deleted, prunedThrough says up to which id: the client has "
                    + "missed some of them and should reconcile (re-read what it follows), then carry on from next.")
    Feed events(@Parameter(description = "the last id already read (0 for the start)")
            @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "at most this many events (1..500, default 100)")
            @RequestParam(defaultValue = "100") int limit) {
        if (after < 0) {
            throw new InvalidInputException("integration.invalid-after");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("integration.invalid-limit", MAX_LIMIT);
        }
        List<Event> items = jdbc.sql("""
                select id, event_type, agency_code, occurred_at, cast(payload as text) as payload
                from integration_event where id > ? order by id limit ?""")
                .params(after, limit)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getString("event_type"), rs.getString("agency_code"),
                        rs.getTimestamp("occurred_at").toInstant(), JSON.readTree(rs.getString("payload"))))
                .list();
        long next = items.isEmpty() ? after : items.get(items.size() - 1).id();
        // Read after the page: an event deleted while the page was read is still reported as missed.
        long pruned = retention.prunedThrough();
        return new Feed(items, next, pruned > after ? pruned : null);
    }

    /**
     * One page of the feed; {@code next} is the {@code after} of the next call. {@code prunedThrough}, when not
     * null: events with ids after {@code after} and up to this one were deleted by the retention (the page
     * still has every event kept), so the client has missed some.
     */
    record Feed(List<Event> items, long next, Long prunedThrough) {
    }

    record Event(long id, String type, String agencyCode, Instant occurredAt, JsonNode payload) {
    }
}
