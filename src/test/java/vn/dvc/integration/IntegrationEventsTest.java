package vn.dvc.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.DossierSubmitted;

/**
 * Events leave the system only when their change commits, reach a real RabbitMQ with publisher
 * confirms, survive a broker that is down, and are readable as a feed by a system holding an OAuth2
 * client-credentials token, and by nothing else.
 */
@IntegrationTest
class IntegrationEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "dvcqg-sync";
    private static final String SECRET = "DemoSync-GiaLai-2026-secret";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    ObjectProvider<RabbitTemplate> rabbit;
    @Autowired
    BrokerPublisher publisher;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private long eventsFor(String code) {
        return jdbc.sql("select count(*) from integration_event where payload ->> 'dossierCode' = ?")
                .param(code).query(Long.class).single();
    }

    @Test
    void anEventIsRecordedWithItsChangeAndNotWhenTheChangeRollsBack() {
        String kept = "KEPT-" + UUID.randomUUID();
        String dropped = "DROPPED-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-25T02:00:00Z");
        transaction.executeWithoutResult(status -> events.publishEvent(new DossierStatusChanged(kept,
                "000.00.03.H21", "1.001193", Channel.ONLINE, DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED,
                at)));
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new DossierSubmitted(dropped, "000.00.03.H21", "1.001193", 1L, Channel.ONLINE, at));
            status.setRollbackOnly();
        });

        assertThat(eventsFor(kept)).isEqualTo(1);
        assertThat(eventsFor(dropped)).isZero();
        String payload = jdbc.sql("select cast(payload as text) from integration_event where payload ->> 'dossierCode' = ?")
                .param(kept).query(String.class).single();
        JsonNode json = JSON.readTree(payload);
        assertThat(json.get("fromStatus").asInt()).isEqualTo(4);
        assertThat(json.get("toStatus").asInt()).isEqualTo(5);
        assertThat(json.get("agencyCode").asString()).isEqualTo("000.00.03.H21");
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-25T02:00:00Z");
    }

    @Test
    void eventsReachTheBrokerConfirmedAndSurviveABrokerThatIsDown() {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        TopicExchange exchange = new TopicExchange("dvc.events", true, false);
        admin.declareExchange(exchange);
        // Not an exclusive (anonymous) queue: that one dies with the connection that declared it, and the shared
        // connection may be replaced while the test runs (seen once: NOT_FOUND on receive). A named queue the
        // test deletes, which the broker drops by itself after ten idle minutes if the test dies first.
        Queue queue = QueueBuilder.nonDurable("dvc-test-events-" + UUID.randomUUID()).expires(600_000).build();
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("dossier.#"));
        try {
            // The broker is unreachable: the event stays, its next attempt is pushed back.
            String code = "DOWN-" + UUID.randomUUID();
            long id = insertEvent(code);
            CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
            nowhere.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
            BrokerPublisher down = new BrokerPublisher(jdbc, transaction, clock, provider(new RabbitTemplate(nowhere)),
                    new SyncTaskExecutor(), true, "dvc.events", Duration.ofSeconds(2), Duration.ofMinutes(10));
            assertThat(down.publishDue()).isZero();
            var row = jdbc.sql("select attempts, published_at is null as pending, next_attempt_at > now() as later "
                    + "from integration_event where id = ?").param(id).query().singleRow();
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("pending")).isEqualTo(true);
            assertThat(row.get("later")).isEqualTo(true);
            nowhere.destroy();

            // The broker is back: the same event is published, confirmed and marked.
            jdbc.sql("update integration_event set next_attempt_at = now() - interval '1 second' where id = ?")
                    .param(id).update();
            publisher.publishDue();
            Message message = receive(queue.getName(), "dvc-event-" + id);
            assertThat(message).as("message dvc-event-%s on the queue", id).isNotNull();
            assertThat(message.getMessageProperties().getType()).isEqualTo("dossier.status-changed");
            assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("dossier.status-changed");
            assertThat(JSON.readTree(message.getBody()).get("dossierCode").asString()).isEqualTo(code);
            assertThat(jdbc.sql("select published_at is not null from integration_event where id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    private Message receive(String queue, String messageId) {
        RabbitTemplate template = rabbit.getObject();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = template.receive(queue, 1000);
            if (message != null && messageId.equals(message.getMessageProperties().getMessageId())) {
                return message;
            }
        }
        return null;
    }

    private long insertEvent(String code) {
        String payload = "{\"dossierCode\":\"" + code + "\",\"toStatus\":4}";
        return jdbc.sql("""
                insert into integration_event(event_type, routing_key, agency_code, payload, occurred_at, recorded_at,
                    next_attempt_at)
                values ('dossier.status-changed', 'dossier.status-changed', '000.00.03.H21', cast(? as jsonb), now(),
                    now(), now() - interval '1 second') returning id""").param(payload).query(Long.class).single();
    }

    private static ObjectProvider<RabbitTemplate> provider(RabbitTemplate template) {
        return new ObjectProvider<>() {
            @Override
            public RabbitTemplate getObject() {
                return template;
            }

            @Override
            public RabbitTemplate getObject(Object... args) {
                return template;
            }

            @Override
            public RabbitTemplate getIfAvailable() {
                return template;
            }

            @Override
            public RabbitTemplate getIfUnique() {
                return template;
            }
        };
    }

    @Test
    void aSystemWithAClientCredentialsTokenReadsTheFeedAndNothingElse() throws Exception {
        String code = "FEED-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> events.publishEvent(new DossierSubmitted(code, "000.00.30.H21",
                "1.000894", 2L, Channel.ONLINE, Instant.parse("2026-11-25T03:00:00Z"))));

        assertThat(get("/api/v1/integration/events", null).statusCode()).isEqualTo(401);
        assertThat(token("wrong-secret-of-enough-length").statusCode()).isEqualTo(401);

        HttpResponse<String> tokenResponse = token(SECRET);
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(tokenResponse.body());
        assertThat(token.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(token.get("scope").asString()).isEqualTo("events.read");
        String bearer = token.get("access_token").asString();

        // Page through the whole feed by "after" until the new event appears.
        long after = 0;
        JsonNode found = null;
        while (found == null) {
            HttpResponse<String> page = get("/api/v1/integration/events?limit=500&after=" + after, bearer);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode feed = JSON.readTree(page.body());
            for (JsonNode item : feed.get("items")) {
                if (code.equals(item.get("payload").get("dossierCode").asString())) {
                    found = item;
                }
            }
            assertThat(feed.get("next").asLong()).as("the feed moves on").isGreaterThan(after);
            after = feed.get("next").asLong();
        }
        assertThat(found.get("type").asString()).isEqualTo("dossier.submitted");
        assertThat(found.get("agencyCode").asString()).isEqualTo("000.00.30.H21");
        assertThat(found.get("payload").get("nationalStatus").asInt()).isEqualTo(1);

        // The token opens the integration API only: not the people's pages or other APIs.
        assertThat(get("/api/v1/dossiers/mine", bearer).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/queue", bearer).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/integration/events?limit=0", bearer).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/integration/events", bearer + "x").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> token(String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=events.read"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
