package vn.dvc.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;

@IntegrationTest
class ResultReturnTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;

    private DeadlineFixtures fixtures() {
        return new DeadlineFixtures(jdbc, catalogue, documents, submission);
    }

    /** A dossier of a new applicant, finished yesterday (status 9), two days before its due date. */
    private Dossier finished(String username) {
        DeadlineFixtures fixtures = fixtures();
        Dossier d = fixtures.submitted(username);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.finished(d, now.minus(5, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS),
                now.minus(1, ChronoUnit.DAYS));
        return d;
    }

    private org.springframework.test.web.servlet.ResultActions postJson(String url, String who, String json)
            throws Exception {
        return mvc.perform(post(url).with(DemoAccounts.as(users, who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theReceptionOfficerReturnsAResultOnline() throws Exception {
        String username = DeadlineFixtures.unique("tra-online");
        Dossier d = finished(username);

        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.stp", "{\"method\":\"ONLINE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(10))
                .andExpect(jsonPath("$.method").value("ONLINE"))
                .andExpect(jsonPath("$.trackingNumber").doesNotExist());

        Dossier after = dossiers.findByCode(d.code()).orElseThrow();
        assertThat(after.status()).isEqualTo(DossierStatus.RESULT_DELIVERED);
        assertThat(after.returnedAt()).isNotNull();
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind).endsWith("RESULT_DELIVERED");
        assertThat(dossiers.timeline(d.id()).get(dossiers.timeline(d.id()).size() - 1).message())
                .isEqualTo("Trả kết quả trực tuyến: người nộp tải kết quả điện tử trên Cổng Dịch vụ công.");

        // The applicant sees how it came, and that it was resolved early (finished before the due day).
        String page = mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Trực tuyến (người nộp tải kết quả điện tử)", "Trước hạn");
        // The officer page too, without the return form any more.
        String officerPage = mvc.perform(get("/reception/dossiers/" + d.code())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(officerPage).contains("id=\"timeliness\"", "Trước hạn").doesNotContain("id=\"return-form\"");
    }

    @Test
    void aResultReturnedAtTheCounterIsRecordedWithoutPostalData() throws Exception {
        Dossier d = finished(DeadlineFixtures.unique("tra-quay"));
        String officerPage = mvc.perform(get("/reception/dossiers/" + d.code())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(officerPage).contains("id=\"return-form\"");

        mvc.perform(post("/reception/dossiers/" + d.code() + "/return").with(DemoAccounts.as(users, "tiepnhan.stp"))
                        .with(csrf()).param("method", "COUNTER"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select method || '/' || coalesce(tracking_number, '-') || '/' || coalesce(postal_status, '-')"
                + " from deadline_delivery where dossier_id = ?").param(d.id()).query(String.class).single())
                .isEqualTo("COUNTER/-/-");
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.RESULT_DELIVERED);

        // Not by post: no postal status to update.
        postJson("/api/v1/dossiers/" + d.code() + "/delivery", "tiepnhan.stp", "{\"status\":\"DELIVERED\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aResultSentByPostHasAnAddressATrackingNumberAndAStatusTheApplicantSees() throws Exception {
        String username = DeadlineFixtures.unique("tra-buu-dien");
        Dossier d = finished(username);

        // Without a tracking number: refused, nothing changes.
        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.stp",
                "{\"method\":\"POST\",\"address\":\"45 Trần Phú, Pleiku\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.stp",
                "{\"method\":\"POST\",\"address\":\"45 Trần Phú, Pleiku\",\"trackingNumber\":\"EL 12\"}")
                .andExpect(status().isBadRequest());
        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.stp", "{\"method\":\"PIGEON\"}")
                .andExpect(status().isBadRequest());
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.FINISHED);
        assertThat(jdbc.sql("select count(*) from deadline_delivery where dossier_id = ?").param(d.id())
                .query(Integer.class).single()).isZero();

        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.stp",
                "{\"method\":\"POST\",\"address\":\"45 Trần Phú, Pleiku\",\"trackingNumber\":\"el123456789vn\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(10))
                .andExpect(jsonPath("$.method").value("POST"))
                .andExpect(jsonPath("$.address").value("45 Trần Phú, Pleiku"))
                .andExpect(jsonPath("$.trackingNumber").value("EL123456789VN"))
                .andExpect(jsonPath("$.postalStatus").value("SENT"));

        String page = mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Qua dịch vụ bưu chính công ích", "EL123456789VN", "Đã gửi bưu chính");

        // The post reports delivery; the officer records it.
        postJson("/api/v1/dossiers/" + d.code() + "/delivery", "tiepnhan.stp", "{\"status\":\"LOST\"}")
                .andExpect(status().isBadRequest());
        postJson("/api/v1/dossiers/" + d.code() + "/delivery", "tiepnhan.stp", "{\"status\":\"DELIVERED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.postalStatus").value("DELIVERED"))
                .andExpect(jsonPath("$.statusUpdatedAt").isNotEmpty());
        page = mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("EL123456789VN", "Đã phát thành công").doesNotContain("Đã gửi bưu chính");
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind)
                .endsWith("RESULT_DELIVERED", "DELIVERY_UPDATED");

        // The page form does the same.
        mvc.perform(post("/reception/dossiers/" + d.code() + "/delivery").with(DemoAccounts.as(users, "tiepnhan.stp"))
                        .with(csrf()).param("status", "RETURNED_TO_SENDER"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select postal_status from deadline_delivery where dossier_id = ?").param(d.id())
                .query(String.class).single()).isEqualTo("RETURNED_TO_SENDER");
        // Another agency's officer cannot touch it.
        postJson("/api/v1/dossiers/" + d.code() + "/delivery", "tiepnhan.pleiku", "{\"status\":\"DELIVERED\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void aResultCannotBeReturnedBeforeTheDossierIsFinishedNorByAnotherAgencyOrRole() throws Exception {
        DeadlineFixtures fixtures = fixtures();
        Dossier inProgress = fixtures.submitted(DeadlineFixtures.unique("tra-som"));
        Instant now = Instant.now();
        fixtures.inProcessing(inProgress, now.minus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS));
        postJson("/api/v1/dossiers/" + inProgress.code() + "/actions/return", "tiepnhan.stp", "{\"method\":\"COUNTER\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + inProgress.code() + " chưa có kết quả để trả."));
        assertThat(dossiers.findByCode(inProgress.code()).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROGRESS);

        Dossier d = finished(DeadlineFixtures.unique("tra-khac"));
        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "tiepnhan.pleiku", "{\"method\":\"COUNTER\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/dossiers/" + d.code() + "/actions/return", "chuyenvien.stp", "{\"method\":\"COUNTER\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/reception/dossiers/" + d.code()).with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.FINISHED);
        assertThat(dossiers.findByCode(d.code()).orElseThrow().returnedAt()).isNull();
    }

    @Test
    void theSecondOfficerToReturnTheSameResultIsToldWhyNothingHappened() throws Exception {
        Dossier d = finished(DeadlineFixtures.unique("tra-hai-lan"));
        String page = "/reception/dossiers/" + d.code();
        mvc.perform(post(page + "/return").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())
                        .param("method", "COUNTER"))
                .andExpect(status().is3xxRedirection());
        // The second press (another tab, another officer): the form is gone, the reason is on the panel.
        var second = mvc.perform(post(page + "/return").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())
                        .param("method", "ONLINE"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String shown = mvc.perform(get(page).flashAttrs(second.getFlashMap())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("id=\"deadline-error\"").doesNotContain("id=\"return-form\"");
        assertThat(jdbc.sql("select method from deadline_delivery where dossier_id = ?").param(d.id())
                .query(String.class).single()).isEqualTo("COUNTER");

        // A postal status that does not exist, typed into the request: said on the panel, nothing changed.
        var bad = mvc.perform(post(page + "/delivery").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())
                        .param("status", "LOST"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(mvc.perform(get(page).flashAttrs(bad.getFlashMap()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andReturn().getResponse().getContentAsString()).contains("id=\"deadline-error\"");
    }
}
