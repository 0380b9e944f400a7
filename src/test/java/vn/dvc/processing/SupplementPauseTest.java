package vn.dvc.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSupplements;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.shared.VietnamTime;

/**
 * The clock does not run while the agency waits for a supplement: when the applicant answers, the dossier's
 * due time and its open step's due time move later by the agency's working time of the wait.
 */
@IntegrationTest
class SupplementPauseTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired DossierSupplements supplements;
    @Autowired Dossiers dossiers;
    @Autowired Processing processing;
    @Autowired WorkingCalendar calendar;

    @Test
    void theWaitForASupplementMovesTheDueTimesByItsWorkingTime() throws Exception {
        ProcessingFixtures fixtures = new ProcessingFixtures(jdbc, catalogue, documents, submission);
        Dossier d = fixtures.dossier(fixtures.procedure(ProcessingFixtures.JUSTICE, 5));
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())).andExpect(status().isOk());
        Dossier received = dossiers.findByCode(d.code()).orElseThrow();
        Instant stepDue = processing.current(received.id()).orElseThrow().dueAt();

        transitions.requestSupplement(d.code(), ProcessingFixtures.JUSTICE, "chuyenvien.stp",
                List.of("Bản sao giấy khai sinh"), "Thiếu giấy khai sinh");
        // The request was made two weeks ago (moved back for the test): the agency waited that long.
        jdbc.sql("update dossier_supplement set requested_at = requested_at - interval '14 days' where dossier_id = ?")
                .param(received.id()).update();
        long supplementId = dossiers.supplements(received.id()).get(0).id();
        supplements.answer(d.code(), received.applicantId(), "applicant", supplementId,
                List.of(new DossierSubmission.Upload(0, "giay-khai-sinh.pdf",
                        new ByteArrayResource(ProcessingFixtures.pdfBytes()))), "Đã bổ sung");

        var supplement = dossiers.supplements(received.id()).get(0);
        Duration waited = calendar.pausedTime(supplement.requestedAt().atZone(VietnamTime.ZONE),
                supplement.answeredAt().atZone(VietnamTime.ZONE), ProcessingFixtures.JUSTICE);
        assertThat(waited).isPositive();
        assertThat(waited.toSecondsPart()).isZero();
        Dossier after = dossiers.findByCode(d.code()).orElseThrow();
        assertThat(after.status()).isEqualTo(DossierStatus.IN_PROGRESS);
        // A period in days: still due at the close of a working day (ADR 0027).
        assertThat(after.dueAt()).isEqualTo(calendar.dueAfterPause(received.dueAt().atZone(VietnamTime.ZONE), waited,
                ProcessingFixtures.JUSTICE).toInstant());
        assertThat(after.dueAt().atZone(VietnamTime.ZONE).toLocalTime())
                .isEqualTo(calendar.workingHours(ProcessingFixtures.JUSTICE).closesAt());
        assertThat(after.dueAt()).isAfterOrEqualTo(calendar.addWorkingTime(received.dueAt().atZone(VietnamTime.ZONE),
                waited, ProcessingFixtures.JUSTICE).toInstant());
        assertThat(processing.current(received.id()).orElseThrow().dueAt()).isEqualTo(calendar.addWorkingTime(
                stepDue.atZone(VietnamTime.ZONE), waited, ProcessingFixtures.JUSTICE).toInstant());
        assertThat(dossiers.timeline(received.id())).extracting(Dossiers.TimelineEntry::kind).contains("DUE_MOVED");
    }
}
