package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.TestDatabase;
import vn.dvc.TestDatabaseInitializer;
import vn.dvc.audit.AuditVerification;

/**
 * The demo history (ADR 0026) in a database of its own (the other tests count dossiers): loaded on start through
 * the real services, it gives the public figures something to show, and they add up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = DemoHistoryTest.HistoryDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoHistoryTest {

    /** The usual test settings, on a second database, with the demo history asked for. */
    static class HistoryDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestDatabaseInitializer().initialize(context);
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestDatabase.sibling("history"),
                    "app.demo-data.history=true",
                    // its events stay out of the queue the event tests read
                    "app.integration.broker.enabled=false")
                    .applyTo(context.getEnvironment());
        }
    }

    private static final String JUSTICE = DemoHistory.JUSTICE.agency();
    private static final String PLEIKU = DemoHistory.PLEIKU.agency();

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired AuditVerification audit;
    @Autowired Clock clock;

    private LocalDate today;
    private LocalDate from;

    @BeforeEach
    void figuresHaveCaughtUp() throws InterruptedException {
        // The statistics follow the dossier events after commit, on other threads.
        for (int i = 0; i < 600 && count("select count(*) from event_publication where completion_date is null") > 0;
                i++) {
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from event_publication where completion_date is null")).isZero();
        today = LocalDate.now(clock);
        from = today.minusWeeks(DemoHistory.WEEKS + 1);
    }

    @Test
    void tellsAMixedStoryOfThePastMonthsThatEndsBeforeNow() {
        assertThat(count("select count(*) from dossier")).isEqualTo(DemoHistory.DOSSIERS);
        List<Integer> statuses = jdbc.sql("select distinct status from dossier order by status").query(Integer.class)
                .list();
        assertThat(statuses).contains(1, 3, 4, 5, 7, 9, 10);
        assertThat(count("select count(distinct to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')) "
                + "from dossier")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(distinct agency_code) from dossier")).isEqualTo(2);
        assertThat(count("select count(*) from dossier where channel = 'ONLINE'")).isBetween(25L, 65L);

        Instant latest = jdbc.sql("""
                select max(t) from (select max(occurred_at) t from dossier_event
                                    union all select max(finished_at) from dossier
                                    union all select max(returned_at) from dossier
                                    union all select max(occurred_at) from audit_entry) a""")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(latest).isBefore(clock.instant());

        // every finished dossier has its signed result, made at the moment of approval
        assertThat(count("select count(*) from electronic_result"))
                .isEqualTo(count("select count(*) from dossier where finished_at is not null")).isPositive();
        assertThat(count("""
                select count(*) from electronic_result r join dossier d on d.code = r.dossier_code
                 where abs(extract(epoch from r.signed_at - d.finished_at)) > 1""")).isZero();
        assertThat(count("select count(*) from payment where status = 'PAID'")).isPositive();
        assertThat(count("select count(*) from deadline_apology")).isPositive();
        assertThat(count("select count(*) from deadline_delivery")).isEqualTo(count(
                "select count(*) from dossier where status = 10"));
        assertThat(count("select count(*) from dossier_supplement where answered_at is not null")).isPositive();
        // congdan keeps returned dossiers to rate, so that a visitor can try the form
        assertThat(count("""
                select count(*) from dossier d join account a on a.id = d.applicant_id
                 where a.username = 'congdan' and d.status = 10
                   and not exists (select 1 from satisfaction_rating r where r.dossier_code = d.code)"""))
                .isPositive();

        // labelled as demo, people clearly invented, no mail to anyone real
        assertThat(count("select count(*) from dossier where form ->> 'requestSummary' not like '%(hồ sơ demo)'"))
                .isZero();
        assertThat(count("""
                select count(*) from applicant a join dossier d on d.applicant_id = a.account_id
                 where a.origin = 'COUNTER' and (a.full_name not like '% Demo %' or a.email is not null
                                                 or a.address not like '%(số nhà demo)%')""")).isZero();
        assertThat(count("select count(*) from applicant where origin = 'COUNTER'")).isGreaterThan(10);
        assertThat(count("select count(*) from mail_outbox where recipient not like '%.invalid'")).isZero();
    }

    @Test
    void publicProcessingFiguresAreNotZeroAndAddUp() throws Exception {
        JsonNode province = read("/api/v1/statistics/processing?from=" + from + "&to=" + today);
        long counted = count("select count(*) from dossier where received_at is not null and status not in (3, 7)");
        assertThat(province.get("totalReceived").asLong()).isEqualTo(counted).isGreaterThan(40);
        assertThat(province.get("carriedOver").asLong()).isZero();
        assertThat(province.get("receivedOnline").asLong() + province.get("receivedOffline").asLong())
                .isEqualTo(counted);
        // received = resolved + in progress + stopped, as nothing was received before the history starts (and
        // its withdrawals all come before reception)
        assertThat(province.get("stopped").asLong()).isEqualTo(count("select count(*) from dossier where status = 8"));
        assertThat(province.get("totalResolved").asLong() + province.get("totalInProgress").asLong()
                + province.get("stopped").asLong()).isEqualTo(counted);
        assertThat(province.get("totalResolved").asLong()).isEqualTo(
                count("select count(*) from dossier where finished_at is not null"));
        assertThat(province.get("resolvedEarly").asLong()).isPositive();
        assertThat(province.get("resolvedOnTime").asLong()).isPositive();
        assertThat(province.get("resolvedLate").asLong()).isPositive();
        assertThat(province.get("totalInProgress").asLong()).isPositive();
        assertThat(province.get("onTimeRatio").asDouble()).isBetween(0.5, 0.99);
        for (String agency : List.of(JUSTICE, PLEIKU)) {
            JsonNode figures = read("/api/v1/statistics/processing?agency=" + agency + "&from=" + from
                    + "&to=" + today);
            assertThat(figures.get("totalReceived").asLong()).isPositive();
            assertThat(figures.get("totalResolved").asLong()).isPositive();
        }
        // by month: the months add up to the whole
        long byMonth = 0;
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            LocalDate start = month.isBefore(from) ? from : month;
            LocalDate end = month.plusMonths(1).minusDays(1).isAfter(today) ? today : month.plusMonths(1).minusDays(1);
            byMonth += read("/api/v1/statistics/processing?from=" + start + "&to=" + end).get("totalResolved").asLong();
        }
        assertThat(byMonth).isEqualTo(province.get("totalResolved").asLong());
    }

    @Test
    void satisfactionAndRankingShowTheHistory() throws Exception {
        JsonNode satisfaction = read("/api/v1/statistics/satisfaction?from=" + from + "&to=" + today);
        assertThat(satisfaction.get("total").get("ratings").asLong())
                .isEqualTo(count("select count(*) from satisfaction_rating")).isPositive();
        assertThat(satisfaction.get("total").get("satisfactionRatio").asDouble()).isBetween(0.5, 1.0);

        JsonNode ranking = read("/api/v1/ranking/" + today.getYear());
        long withOnTime = 0;
        for (JsonNode agency : ranking.get("agencies")) {
            if (List.of(JUSTICE, PLEIKU).contains(agency.get("agencyCode").asString())) {
                JsonNode onTime = agency.get("components").get("ON_TIME");
                if (onTime != null && onTime.get("whole").asLong() > 0) {
                    withOnTime++;
                    assertThat(agency.get("rank").asInt()).isPositive();
                }
            }
        }
        // early in a year the history may have finished nothing yet in it at one desk
        assertThat(withOnTime).isGreaterThanOrEqualTo(today.getMonthValue() >= 6 ? 2 : 1);
    }

    @Test
    void theAuditChainOfTheWholeHistoryVerifies() {
        AuditVerification.Result result = audit.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isGreaterThan(4L * DemoHistory.DOSSIERS);
        assertThat(count("select count(*) from demo_data_set where name = 'demo-history'")).isOne();
        assertThat(count("select count(*) from integration_event")).isGreaterThan(DemoHistory.DOSSIERS);
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
