package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

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

/** What an officer may type into the address or a form of the reception pages: a clear answer, never a 500. */
@IntegrationTest
class ReceptionBadInputPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;

    @Test
    void anUnknownQueueFilterIsABadRequestPageWithTheFilterNamed() throws Exception {
        mvc.perform(get("/reception?status=99").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bộ lọc không hợp lệ: status=99.")));
        mvc.perform(get("/reception?due=later").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bộ lọc không hợp lệ: due=later.")))
                .andExpect(content().string(not(containsString("Vui lòng thử lại sau"))));
    }

    @Test
    void counterRegistrationOfAnUnknownProcedureIsNotFoundAndAPlainFormPostIsAnswered() throws Exception {
        mvc.perform(get("/reception/register?procedureCode=9.999999").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/reception/register").param("procedureCode", "9.999999")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isNotFound());
        // A form posted without files (not multipart): the form again with its problems, nothing registered.
        var p = new ReceptionFixtures(jdbc, catalogue, documents, submission).procedure(BigDecimal.valueOf(5));
        mvc.perform(post("/reception/register").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("procedureCode", p.code()).param("channel", "DIRECT")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("eform-error")));
        assertThat(jdbc.sql("select count(*) from dossier where procedure_code = ?").param(p.code())
                .query(Long.class).single()).isZero();
    }

    @Test
    void updatingAnUnknownRefusalReasonIsNotFound() throws Exception {
        mvc.perform(post("/admin/refusal-reasons/KHONG_CO").param("label", "Nhãn")
                        .with(DemoAccounts.as(users, "admin")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTooLongSupplementItemIsReportedOnTheItemsWithItsOwnLimit() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("bo-sung-dai");
        Dossier d = fixtures.dossier(fixtures.applicant(applicant), applicant, fixtures.procedure(BigDecimal.valueOf(3)));
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/actions/request-supplement")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[\"" + "a".repeat(501) + "\"],\"reason\":\"Thiếu giấy tờ\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Mỗi giấy tờ cần bổ sung ghi trên một dòng, mỗi dòng không quá 500 ký tự."));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
    }

    @Test
    void aNulCharacterInTextIsRefusedInFormsAndInJsonNeverAServerError() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("ky-tu-nul");
        var procedure = fixtures.procedure(BigDecimal.valueOf(3));
        Dossier json = fixtures.dossier(fixtures.applicant(applicant), applicant, procedure);
        Dossier page = fixtures.dossier(fixtures.applicant(applicant + "-2"), applicant + "-2", procedure);

        // JSON: a 400 in words; the transaction was rolled back.
        mvc.perform(post("/api/v1/dossiers/" + json.code() + "/actions/request-supplement")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[\"Bản sao\\u0000CCCD\"],\"reason\":\"Thiếu\"}")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.detail", containsString("U+0000")));
        assertThat(dossiers.findByCode(json.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);

        // A form (pasted text): refused as a whole (system/NulCharacterFilter), nothing recorded.
        mvc.perform(post("/reception/dossiers/" + page.code() + "/refuse").param("reasonCode", "OTHER")
                        .param("text", "Nộp nhầm\u0000 cơ quan").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from reception_refusal where dossier_id = ?").param(page.id())
                .query(Long.class).single()).isZero();
        assertThat(dossiers.findByCode(page.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
    }

    @Test
    void aMalformedParameterOnAPageIsExplainedAsSuchNotAsAServerProblem() throws Exception {
        // /reception?status=abc: Spring answers 400 and the error page is rendered for it.
        mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/reception")
                        .accept(MediaType.TEXT_HTML).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Địa chỉ hoặc tham số không hợp lệ")))
                .andExpect(content().string(not(containsString("Vui lòng thử lại sau"))));
    }
}
