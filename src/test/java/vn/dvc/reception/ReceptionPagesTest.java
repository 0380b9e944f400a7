package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

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
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;

@IntegrationTest
class ReceptionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;

    @Test
    void theOfficerWorksADossierFromTheQueuePageAndTheApplicantGetsTheReceipt() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("trang-tiep-nhan");
        Dossier d = fixtures.dossier(fixtures.applicant(applicant), applicant, fixtures.procedure(BigDecimal.valueOf(3)));
        String page = "/reception/dossiers/" + d.code();

        mvc.perform(get("/reception?due=overdue").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("queue-filters")));
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn Tiếp")))
                .andExpect(content().string(containsString("Tờ khai yêu cầu cấp phiếu")))
                .andExpect(content().string(containsString("id=\"receive\"")));
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.pleiku"))).andExpect(status().isNotFound());
        mvc.perform(get("/reception").with(DemoAccounts.as(users, applicant))).andExpect(status().isForbidden());

        // A refusal without a reason: the error next to the field, the text kept, nothing changed.
        mvc.perform(post(page + "/refuse").param("reasonCode", "").param("text", "Giải thích dở dang")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng chọn lý do từ chối trong danh sách.")))
                .andExpect(content().string(containsString("Giải thích dở dang")));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.NEWLY_SUBMITTED);

        mvc.perform(post(page + "/receive").with(DemoAccounts.as(users, "tiepnhan.pleiku")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/receive").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(redirectedUrl(page));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROGRESS);
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(content().string(containsString("id=\"receipt-link\"")))
                .andExpect(content().string(not(containsString("id=\"receive\""))));
        mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, applicant)))
                .andExpect(content().string(containsString("/dossiers/" + d.code() + "/receipt.pdf")));
        mvc.perform(get("/dossiers/" + d.code() + "/receipt.pdf").with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficerReadsTheFormAnswersUnderTheFormsLabelsNotItsFieldNames() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("nhan-to-khai");
        Dossier d = fixtures.dossier(fixtures.applicant(applicant), applicant, fixtures.procedure(BigDecimal.valueOf(3)));
        // An answer the form does not know (an older form version) and a ticked box.
        jdbc.sql("update dossier set form = form::jsonb || '{\"ghiChuCu\":\"Ghi chú cũ\",\"commitment\":true}' where id = ?")
                .param(d.id()).update();

        mvc.perform(get("/reception/dossiers/" + d.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>Nội dung đề nghị</dt>")))
                .andExpect(content().string(containsString("<dt>Họ và tên người nộp hồ sơ</dt>")))
                .andExpect(content().string(containsString("<dt>Số điện thoại</dt>")))
                .andExpect(content().string(containsString("<dt>ghiChuCu</dt>")))
                .andExpect(content().string(containsString(">Có</dd>")))
                .andExpect(content().string(not(containsString("<dt>requestSummary</dt>"))));
    }

    @Test
    void anOfficerWhoRefusesADossierAnotherOfficerJustReceivedIsToldSo() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("hai-can-bo");
        Dossier d = fixtures.dossier(fixtures.applicant(applicant), applicant, fixtures.procedure(BigDecimal.valueOf(3)));
        String page = "/reception/dossiers/" + d.code();
        mvc.perform(post(page + "/receive").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(redirectedUrl(page));
        // The other officer's page was opened before: the refusal form is still there for them.
        mvc.perform(post(page + "/refuse").param("reasonCode", "NOT_COMPETENT")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"action-error\"")))
                .andExpect(content().string(containsString("không ở trạng thái có thể từ chối")));
        mvc.perform(post(page + "/receive").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("không ở trạng thái có thể tiếp nhận")));
        assertThat(dossiers.findByCode(d.code()).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void theOfficerSaysForEachSupplementItemWhetherTheOriginalOrACopyIsAsked() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        String applicant = ReceptionFixtures.unique("bo-sung-trang");
        Dossier d = fixtures.dossier(fixtures.applicant(applicant), applicant, fixtures.procedure(BigDecimal.valueOf(3)));
        String page = "/reception/dossiers/" + d.code();
        mvc.perform(get(page).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supplement-form-10\"")))
                .andExpect(content().string(containsString("Bản sao có chứng thực")));
        // An unknown kind: nothing is asked, the rows come back as typed.
        mvc.perform(post(page + "/request-supplement").param("items", "Giấy khai sinh", "", "Giấy ủy quyền")
                        .param("itemForms", "SCAN", "", "ORIGINAL").param("reason", "Thiếu giấy tờ")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bản chính, bản sao có chứng thực hoặc bản chụp")))
                .andExpect(content().string(containsString("value=\"Giấy ủy quyền\"")));
        assertThat(dossiers.supplements(d.id())).isEmpty();
        mvc.perform(post(page + "/request-supplement").param("items", "Giấy khai sinh", "", "Giấy ủy quyền")
                        .param("itemForms", "PHOTOCOPY", "", "ORIGINAL").param("reason", "Thiếu giấy tờ")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(redirectedUrl(page));
        assertThat(dossiers.supplements(d.id())).singleElement().satisfies(s -> {
            assertThat(s.items()).containsExactly("Giấy khai sinh", "Giấy ủy quyền");
            assertThat(s.itemForms()).containsExactly(vn.dvc.dossier.OriginalOrCopy.PHOTOCOPY,
                    vn.dvc.dossier.OriginalOrCopy.ORIGINAL);
        });
        mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy khai sinh (bản chụp)")));
    }
}
