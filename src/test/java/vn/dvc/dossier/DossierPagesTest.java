package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;

@IntegrationTest
class DossierPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired vn.dvc.document.Documents documents;

    String owner;
    Dossier dossier;

    @BeforeEach
    void setUp() {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        owner = "trang-" + UUID.randomUUID().toString().substring(0, 8);
        long ownerId = fixtures.applicant(owner);
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 12).code());
        dossier = submission.submit(new Submission(ownerId, owner, procedure.code(), null, 0,
                DossierFixtures.FORM.replace("Trần Thị Bí Mật", "Lê Văn Riêng Tư"), List.of(new Attachment(0, fixtures.pdf())), null, null)).dossier();
    }

    @Test
    void theOwnerListsAndOpensTheDossierWithItsTimeline() throws Exception {
        mvc.perform(get("/dossiers").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(dossier.code())));
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nộp hồ sơ trực tuyến")))
                .andExpect(content().string(containsString("Mới đăng ký")));
    }

    @Test
    void theTimelineSaysTheSubmissionWasOnBehalfOfTheRepresentedPersonNotThatTheySubmitted() throws Exception {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        DossierFixtures.Submitted submitted = fixtures.submitted(submission, agencies, "thay-", 13,
                new Representation("Nguyễn Văn Được", "064090001234", "Giấy ủy quyền số 12/UQ"));
        String representative = submitted.username();
        Dossier onBehalf = submitted.dossier();

        String page = mvc.perform(get("/dossiers/" + onBehalf.code()).with(DemoAccounts.as(users, representative)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("Nộp thay cho Nguyễn Văn Được");
    }

    @Test
    void anApplicantWithoutDossiersIsPointedToTheProceduresOfferedOnline() throws Exception {
        String newcomer = "trang-moi-" + UUID.randomUUID().toString().substring(0, 8);
        new DossierFixtures(jdbc, catalogue, documents).applicant(newcomer);
        mvc.perform(get("/dossiers").with(DemoAccounts.as(users, newcomer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bạn chưa nộp hồ sơ nào.")))
                .andExpect(content().string(containsString("href=\"/procedures?onlineMode=FULL\"")))
                .andExpect(content().string(not(containsString(dossier.code()))));
    }

    @Test
    void anotherApplicantSeesNotFound() throws Exception {
        String other = "trang-khac-" + UUID.randomUUID().toString().substring(0, 8);
        new DossierFixtures(jdbc, catalogue, documents).applicant(other);
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").with(DemoAccounts.as(users, other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").param("confirmed", "true")
                        .with(DemoAccounts.as(users, other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dossiers/" + dossier.code() + "/withdraw").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        assertThat(statusOf(dossier)).isEqualTo(1);
    }

    @Test
    void theOwnerWithdrawsAfterConfirmingOnAPageThatSaysWhatItMeans() throws Exception {
        String page = "/dossiers/" + dossier.code() + "/withdraw";
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(content().string(containsString("id=\"withdraw\" href=\"" + page + "\"")));
        mvc.perform(get(page).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("không thể hoàn tác")))
                .andExpect(content().string(containsString("Mã hồ sơ " + dossier.code() + " vẫn được giữ")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
                .andExpect(content().string(containsString("maxlength=\"500\"")));
        assertThat(statusOf(dossier)).isEqualTo(1);

        mvc.perform(post(page).param("confirmed", "true").param("reason", "  Nộp nhầm thủ tục  ")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(redirectedUrl("/dossiers/" + dossier.code()));
        assertThat(statusOf(dossier)).isEqualTo(7);
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(content().string(containsString("Công dân rút hồ sơ")))
                .andExpect(content().string(containsString("Nộp nhầm thủ tục")))
                .andExpect(content().string(not(containsString("id=\"withdraw\""))));
        // Withdrawn: the confirmation page is not offered again, the dossier page says why.
        mvc.perform(get(page).with(DemoAccounts.as(users, owner)))
                .andExpect(redirectedUrl("/dossiers/" + dossier.code()));
    }

    @Test
    void aPostWithoutTheConfirmationOnlyLeadsToTheConfirmationPage() throws Exception {
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").param("reason", "Nộp nhầm")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(redirectedUrl("/dossiers/" + dossier.code() + "/withdraw"));
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").param("confirmed", "yes")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(redirectedUrl("/dossiers/" + dossier.code() + "/withdraw"));
        assertThat(statusOf(dossier)).isEqualTo(1);
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").param("confirmed", "true")
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(statusOf(dossier)).isEqualTo(1);
    }

    @Test
    void aReasonOverTheLimitIsRefusedInVietnameseAndWithdrawsNothing() throws Exception {
        String reason = "Lý do rất dài. ".repeat(40); // 600 characters
        mvc.perform(post("/dossiers/" + dossier.code() + "/withdraw").param("confirmed", "true").param("reason", reason)
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Lý do rút hồ sơ không được dài quá 500 ký tự")))
                .andExpect(content().string(containsString("Lý do rất dài.")));
        assertThat(statusOf(dossier)).isEqualTo(1);
    }

    private int statusOf(Dossier d) {
        return jdbc.sql("select status from dossier where id = ?").param(d.id()).query(Integer.class).single();
    }

    @Test
    void thePublicLookupPageShowsTheStatusOnly() throws Exception {
        mvc.perform(get("/lookup").param("code", dossier.code()).with(r -> {
                    r.setRemoteAddr("10.4.0.1");
                    return r;
                }))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mới đăng ký")))
                .andExpect(content().string(not(containsString("Lê Văn Riêng Tư"))));
        mvc.perform(get("/lookup").param("code", "000.00.03.H21-990101-0001").with(r -> {
                    r.setRemoteAddr("10.4.0.1");
                    return r;
                }))
                .andExpect(content().string(containsString("lookup-not-found")));
        // A lower-case code is still a code; a typing slip is told what a code looks like, not "not found".
        mvc.perform(get("/lookup").param("code", dossier.code().toLowerCase()).with(r -> {
                    r.setRemoteAddr("10.4.0.1");
                    return r;
                }))
                .andExpect(content().string(containsString("Mới đăng ký")));
        mvc.perform(get("/lookup").param("code", "abc").with(r -> {
                    r.setRemoteAddr("10.4.0.1");
                    return r;
                }))
                .andExpect(content().string(containsString("Mã hồ sơ chưa đúng dạng")))
                .andExpect(content().string(containsString("aria-describedby=\"lookup-malformed\"")))
                .andExpect(content().string(not(containsString("lookup-not-found"))));
    }
}
