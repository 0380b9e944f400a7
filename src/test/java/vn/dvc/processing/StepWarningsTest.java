package vn.dvc.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.identity.AccountPrincipal;

/** The holder of a step is warned once, by mail, when the step comes within the lead time of its due time. */
@IntegrationTest
class StepWarningsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Processing processing;
    @Autowired StepWarnings warnings;

    private long warningsOf(long stepId) {
        return jdbc.sql("select count(*) from processing_step_warning where step_id = ?").param(stepId)
                .query(Long.class).single();
    }

    private long mailsTo(String address, String code) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like ?")
                .params(address, "%" + code + "%").query(Long.class).single();
    }

    @Test
    void theHolderOfAStepIsWarnedOnceWithinTheLeadTimeAndNotBefore() throws Exception {
        ProcessingFixtures fixtures = new ProcessingFixtures(jdbc, catalogue, documents, submission);
        Dossier d = fixtures.dossier(fixtures.procedure(ProcessingFixtures.JUSTICE, 5));
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/receive")
                .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf())).andExpect(status().isOk());
        String officer = fixtures.officer(ProcessingFixtures.JUSTICE, "SPECIALIST", "Phan Văn Hạn");
        String address = officer + "@example.vn";
        jdbc.sql("update account set email = ? where username = ?").params(address, officer).update();
        processing.take(d.code(), (AccountPrincipal) users.loadUserByUsername(officer));
        DossierStep step = processing.current(d.id()).orElseThrow();

        warnings.warn(step.dueAt().minus(Duration.ofDays(10)));
        assertThat(warningsOf(step.id())).isZero();
        assertThat(mailsTo(address, d.code())).isZero();

        warnings.warn(step.dueAt().minus(Duration.ofHours(1)));
        assertThat(warningsOf(step.id())).isEqualTo(1);
        assertThat(mailsTo(address, d.code())).isEqualTo(1);
        assertThat(jdbc.sql("select subject from mail_outbox where recipient = ? and subject like ?")
                .params(address, "%" + d.code() + "%").query(String.class).single())
                .contains(d.code(), "Thụ lý, xử lý hồ sơ");

        warnings.warn(step.dueAt().minus(Duration.ofMinutes(30)));
        assertThat(mailsTo(address, d.code())).as("warned once only").isEqualTo(1);

        // The holder's work list filters steps due soon and overdue (the due time is moved for the test).
        jdbc.sql("update dossier_step set due_at = now() + interval '1 hour' where id = ?").param(step.id()).update();
        assertThat(workCodes(officer, "soon")).contains(d.code());
        assertThat(workCodes(officer, "overdue")).doesNotContain(d.code());
        jdbc.sql("update dossier_step set due_at = now() - interval '1 hour' where id = ?").param(step.id()).update();
        assertThat(workCodes(officer, "soon")).doesNotContain(d.code());
        assertThat(workCodes(officer, "overdue")).contains(d.code());
        mvc.perform(get("/api/v1/processing/work?due=tomorrow").with(DemoAccounts.as(users, officer)))
                .andExpect(status().isBadRequest());
    }

    private String workCodes(String officer, String due) throws Exception {
        return mvc.perform(get("/api/v1/processing/work?scope=mine&due=" + due).with(DemoAccounts.as(users, officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
