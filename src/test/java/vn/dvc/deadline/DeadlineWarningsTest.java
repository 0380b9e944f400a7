package vn.dvc.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;

@IntegrationTest
class DeadlineWarningsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DeadlineWarnings warnings;
    @Autowired JsonMapper json;

    private DeadlineFixtures fixtures() {
        return new DeadlineFixtures(jdbc, catalogue, documents, submission);
    }

    @Test
    void theOfficersOfTheAgencyAreWarnedOnceOneWorkingDayBeforeTheDueTime() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        String suffix = DeadlineFixtures.unique("").substring(1);
        String reception = fixtures.officer("canh-bao-tn" + suffix, DeadlineFixtures.JUSTICE, "RECEPTION_OFFICER");
        String leader = fixtures.officer("canh-bao-ld" + suffix, DeadlineFixtures.JUSTICE, "LEADER", "SPECIALIST");
        String admin = fixtures.officer("canh-bao-qt" + suffix, DeadlineFixtures.JUSTICE, "AGENCY_ADMIN");
        String elsewhere = fixtures.officer("canh-bao-pk" + suffix, DeadlineFixtures.PLEIKU, "RECEPTION_OFFICER");

        // Due Friday 5 March 2027 at the close of the day; received on Monday.
        Dossier d = fixtures.submitted(DeadlineFixtures.unique("canh-bao"));
        fixtures.inProcessing(d, DeadlineFixtures.at(2027, 3, 1, 9, 0), DeadlineFixtures.at(2027, 3, 5, 17, 0));

        // Thursday 16:00: more than one working day (8 working hours) left: no warning.
        warnings.warn(DeadlineFixtures.at(2027, 3, 4, 16, 0));
        assertThat(fixtures.queuedMails(reception, d.code())).isZero();
        assertThat(warned(d)).isZero();

        // Thursday 17:00: exactly one working day left: each concerned officer gets one mail.
        assertThat(warnings.warn(DeadlineFixtures.at(2027, 3, 4, 17, 0))).isGreaterThanOrEqualTo(1);
        // Later runs do not repeat it.
        warnings.warn(DeadlineFixtures.at(2027, 3, 5, 8, 0));
        warnings.warn(DeadlineFixtures.at(2027, 3, 5, 16, 59));
        assertThat(warned(d)).isEqualTo(1);
        assertThat(fixtures.queuedMails(reception, d.code())).isEqualTo(1);
        assertThat(fixtures.queuedMails(leader, d.code())).isEqualTo(1);
        assertThat(fixtures.queuedMails(admin, d.code())).isZero();
        assertThat(fixtures.queuedMails(elsewhere, d.code())).isZero();

        List<MimeMessage> mails = TestMail.awaitMessagesTo(reception, 1).stream()
                .filter(m -> subject(m).contains(d.code())).toList();
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.get(0))).isEqualTo("Hồ sơ " + d.code() + " sắp đến hạn giải quyết (17:00 05/03/2027)");
        assertThat(TestMail.text(mails.get(0))).contains(d.procedureName(), "/reception/dossiers/" + d.code());

        // A new appointment (apology) is a new due time: warned once more, one working day before it.
        jdbc.sql("""
                insert into deadline_apology(dossier_id, agency_code, reason, original_due_at, new_due_at, issued_at,
                                             officer, officer_name)
                values (?, ?, 'Chờ ý kiến cơ quan phối hợp', ?, ?, ?, 'tiepnhan.stp', 'Trần Thị Bình')""")
                .params(d.id(), DeadlineFixtures.JUSTICE, Timestamp.from(DeadlineFixtures.at(2027, 3, 5, 17, 0)),
                        Timestamp.from(DeadlineFixtures.at(2027, 3, 10, 17, 0)),
                        Timestamp.from(DeadlineFixtures.at(2027, 3, 3, 10, 0)))
                .update();
        warnings.warn(DeadlineFixtures.at(2027, 3, 8, 17, 0));
        assertThat(fixtures.queuedMails(reception, d.code())).isEqualTo(1);
        warnings.warn(DeadlineFixtures.at(2027, 3, 9, 17, 0));
        assertThat(fixtures.queuedMails(reception, d.code())).isEqualTo(2);
        assertThat(warned(d)).isEqualTo(2);
    }

    @Test
    void finishedAndPausedDossiersAreNotWarned() {
        DeadlineFixtures fixtures = fixtures();
        String reception = fixtures.officer(DeadlineFixtures.unique("canh-bao-xong"), DeadlineFixtures.JUSTICE,
                "RECEPTION_OFFICER");
        Dossier done = fixtures.submitted(DeadlineFixtures.unique("canh-bao-xong"));
        fixtures.finished(done, DeadlineFixtures.at(2027, 4, 1, 9, 0), DeadlineFixtures.at(2027, 4, 8, 17, 0),
                DeadlineFixtures.at(2027, 4, 2, 9, 0));
        Dossier paused = fixtures.submitted(DeadlineFixtures.unique("canh-bao-bo-sung"));
        fixtures.inProcessing(paused, DeadlineFixtures.at(2027, 4, 1, 9, 0), DeadlineFixtures.at(2027, 4, 8, 17, 0));
        jdbc.sql("update dossier set status = 5 where id = ?").param(paused.id()).update();

        warnings.warn(DeadlineFixtures.at(2027, 4, 8, 8, 0));
        assertThat(fixtures.queuedMails(reception, done.code())).isZero();
        assertThat(fixtures.queuedMails(reception, paused.code())).isZero();
        assertThat(warned(done) + warned(paused)).isZero();
    }

    @Test
    void theQueueFiltersDossiersDueSoonAndOverdueAndMarksThem() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Dossier soon = fixtures.submitted(DeadlineFixtures.unique("sap-den-han"));
        fixtures.inProcessing(soon, now.minus(4, ChronoUnit.DAYS), now.plus(1, ChronoUnit.HOURS));
        Dossier overdue = fixtures.submitted(DeadlineFixtures.unique("qua-han"));
        fixtures.inProcessing(overdue, now.minus(9, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        Dossier later = fixtures.submitted(DeadlineFixtures.unique("con-han"));
        fixtures.inProcessing(later, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS));

        JsonNode dueSoon = queue("due=soon&size=100");
        assertThat(codes(dueSoon)).contains(soon.code()).doesNotContain(overdue.code(), later.code());
        assertThat(item(dueSoon, soon.code()).get("dueSoon").asBoolean()).isTrue();
        assertThat(item(dueSoon, soon.code()).get("overdue").asBoolean()).isFalse();

        JsonNode late = queue("due=overdue&size=100");
        assertThat(codes(late)).contains(overdue.code()).doesNotContain(soon.code(), later.code());
        assertThat(item(late, overdue.code()).get("overdue").asBoolean()).isTrue();

        JsonNode all = queue("status=4&size=100");
        assertThat(item(all, later.code()).get("dueSoon").asBoolean()).isFalse();
        assertThat(item(all, later.code()).get("overdue").asBoolean()).isFalse();

        mvc.perform(get("/api/v1/queue?due=tomorrow").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest());

        String page = mvc.perform(get("/reception?due=soon").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(soon.code(), "class=\"due-soon\"", "badge due-soon", "id=\"tracking-book\"")
                .doesNotContain(overdue.code(), later.code());
        page = mvc.perform(get("/reception?due=overdue").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"overdue\"", "badge overdue").doesNotContain(soon.code(), later.code());
    }

    private JsonNode queue(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/queue?" + query).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new java.util.ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("dossierCode").asString()));
        return codes;
    }

    private static JsonNode item(JsonNode page, String code) {
        for (JsonNode i : page.get("items")) {
            if (i.get("dossierCode").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("not in the queue: " + code);
    }

    private int warned(Dossier d) {
        return jdbc.sql("select count(*) from deadline_warning where dossier_id = ?").param(d.id())
                .query(Integer.class).single();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
