package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.processing.DossierStep;
import vn.dvc.processing.Processing;
import vn.dvc.processing.StepWarnings;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;

/** The officer's "Dừng xử lý" (status 8): who may, with what, and what follows (ADR 0029). */
@IntegrationTest
class StopProcessingTest {

    private static final String REASON = "Hồ sơ thuộc trường hợp phải dừng xử lý theo quyết định của cơ quan có thẩm quyền";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired Reception reception;
    @Autowired Processing processing;
    @Autowired StepWarnings stepWarnings;

    private String applicant;

    private Dossier submitted() {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        applicant = ReceptionFixtures.unique("dung-xu-ly");
        long id = fixtures.applicant(applicant);
        return fixtures.dossier(id, applicant, fixtures.procedure(BigDecimal.valueOf(5)));
    }

    private Dossier inProgress() {
        Dossier d = submitted();
        return reception.receive(d.code(), officer("tiepnhan.stp"));
    }

    private AccountPrincipal officer(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    private Dossier reread(Dossier d) {
        return dossiers.findByCode(d.code()).orElseThrow();
    }

    @Test
    void refusalsChangeNothing() {
        Dossier d = inProgress();
        int events = dossiers.timeline(d.id()).size();

        // A specialist may not stop (the leader or the reception officer does).
        assertThatThrownBy(() -> reception.stop(d.code(), officer("chuyenvien.stp"), REASON))
                .isInstanceOf(AccessDeniedException.class);
        // Another agency's leader: the dossier looks unknown.
        assertThatThrownBy(() -> reception.stop(d.code(), officer("lanhdao.pleiku"), REASON))
                .isInstanceOf(NotFoundException.class);
        // The reason is required and not longer than the other reasons.
        assertThatThrownBy(() -> reception.stop(d.code(), officer("lanhdao.stp"), "   "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reception.stop(d.code(), officer("lanhdao.stp"), "x".repeat(2001)))
                .isInstanceOf(InvalidInputException.class);
        // Not yet received: the lifecycle does not allow it.
        Dossier fresh = submitted();
        assertThatThrownBy(() -> reception.stop(fresh.code(), officer("tiepnhan.stp"), REASON))
                .isInstanceOf(ConflictException.class);

        assertThat(reread(d).status()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(reread(fresh).status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
        assertThat(dossiers.timeline(d.id())).hasSize(events);
        assertThat(processing.current(d.id())).isPresent();
    }

    @Test
    void aDossierWaitingForASupplementMayBeStoppedByTheReceptionOfficer() {
        Dossier d = inProgress();
        reception.requestSupplement(d.code(), officer("tiepnhan.stp"), java.util.List.of("Bản sao giấy khai sinh"),
                "Thiếu giấy tờ");
        Dossier stopped = reception.stop(d.code(), officer("tiepnhan.stp"), "  " + REASON + " ");
        assertThat(stopped.status()).isEqualTo(DossierStatus.STOPPED);
        java.util.List<Dossiers.TimelineEntry> timeline = dossiers.timeline(d.id());
        assertThat(timeline.get(timeline.size() - 1)).satisfies(t -> {
            assertThat(t.kind()).isEqualTo("STOPPED");
            assertThat(t.from()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            assertThat(t.message()).isEqualTo(REASON);
        });
        // Stopping is final: nothing more may be done, not even a second stop.
        assertThatThrownBy(() -> reception.stop(d.code(), officer("lanhdao.stp"), REASON))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theLeaderStopsThroughTheApiTheStepEndsTheApplicantIsToldAndNoWarningFollows() throws Exception {
        Dossier d = inProgress();
        DossierStep open = processing.current(d.id()).orElseThrow();
        String action = "/api/v1/dossiers/" + d.code() + "/actions/stop";

        mvc.perform(post(action).with(DemoAccounts.as(users, "lanhdao.stp")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng ghi lý do dừng xử lý hồ sơ.")));
        mvc.perform(post(action).with(DemoAccounts.as(users, "lanhdao.pleiku")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + REASON + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(action).with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + REASON + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/queue/" + d.code()).with(DemoAccounts.as(users, "lanhdao.stp")))
                .andExpect(jsonPath("$.allowedActions").value(org.hamcrest.Matchers.hasItem("stop")));

        mvc.perform(post(action).with(DemoAccounts.as(users, "lanhdao.stp")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + REASON + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(8))
                .andExpect(jsonPath("$.status").value("STOPPED"));
        mvc.perform(post(action).with(DemoAccounts.as(users, "lanhdao.stp")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + REASON + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + d.code() + " không ở trạng thái có thể dừng xử lý."));

        // The open step ended with the stop, by the leader, with the reason.
        assertThat(processing.current(d.id())).isEmpty();
        DossierStep ended = processing.steps(d.id()).stream().filter(s -> s.id() == open.id()).findFirst()
                .orElseThrow();
        assertThat(ended.outcome()).isEqualTo(DossierStep.Outcome.STOPPED);
        assertThat(ended.endedBy()).isEqualTo("lanhdao.stp");
        assertThat(ended.note()).isEqualTo(REASON);
        // Form 05 records the hand-over back to the desk with the stop.
        byte[] form05 = mvc.perform(get("/api/v1/dossiers/" + d.code() + "/forms/05.pdf")
                        .with(DemoAccounts.as(users, "lanhdao.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReceptionTest.pdfText(form05).replaceAll("\\s+", " ")).contains("Dừng xử lý hồ sơ");
        // Audit trail and the outbound event follow the status change.
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where subject = ? and action = 'DOSSIER_STATUS_CHANGED'
                   and actor = 'lanhdao.stp' and details::jsonb ->> 'to' = '8'""").param(d.code())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from integration_event
                 where payload::jsonb ->> 'dossierCode' = ? and payload::jsonb ->> 'toStatus' = '8'""")
                .param(d.code()).query(Long.class).single()).isEqualTo(1);
        // The applicant gets the reason by mail (after the submission and the receipt).
        assertThat(TestMail.awaitMessagesTo(applicant + "@example.vn", 3).stream().map(m -> {
            try {
                return TestMail.text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(text -> text.contains(REASON) && text.contains("Dừng xử lý"));
        // The queue marks a stopped dossier neither overdue nor due soon.
        Dossier after = reread(d);
        java.time.Instant late = after.dueAt().plus(30, ChronoUnit.DAYS);
        assertThat(ReceptionApi.overdue(after, late)).isFalse();
        assertThat(ReceptionApi.dueSoon(after, after.dueAt().minus(1, ChronoUnit.MINUTES), after.dueAt())).isFalse();
        // No deadline warning for the stopped dossier's step, even when it would be due soon.
        jdbc.sql("update dossier_step set ended_at = null, ended_by = null, outcome = null where id = ?")
                .param(open.id()).update();
        java.time.Instant beforeDue = open.dueAt().minus(1, ChronoUnit.MINUTES);
        stepWarnings.warn(beforeDue);
        assertThat(jdbc.sql("select count(*) from processing_step_warning where step_id = ?").param(open.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOfficersPageOffersTheFormAndTheApplicantSeesTheReason() throws Exception {
        Dossier d = inProgress();
        String page = "/reception/dossiers/" + d.code();
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stop-reason\"")));
        // A specialist is not offered the form.
        mvc.perform(get(page).with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stop-reason\""))));
        // Without CSRF token: refused.
        mvc.perform(post(page + "/stop").with(DemoAccounts.as(users, "tiepnhan.stp")).param("reason", REASON))
                .andExpect(status().isForbidden());
        // Without a reason: the page again with the message, nothing changed.
        mvc.perform(post(page + "/stop").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng ghi lý do dừng xử lý hồ sơ.")));
        assertThat(reread(d).status()).isEqualTo(DossierStatus.IN_PROGRESS);

        mvc.perform(post(page + "/stop").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())
                        .param("reason", REASON))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        assertThat(reread(d).status()).isEqualTo(DossierStatus.STOPPED);
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(content().string(not(containsString("id=\"stop-reason\""))));

        mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dừng xử lý")))
                .andExpect(content().string(containsString("Cơ quan dừng xử lý hồ sơ")))
                .andExpect(content().string(containsString(REASON)));
    }
}
