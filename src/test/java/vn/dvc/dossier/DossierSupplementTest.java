package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.organisation.Agencies;

@IntegrationTest
class DossierSupplementTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired Dossiers dossiers;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    @Test
    void theApplicantAnswersASupplementRequestWithTheRequestedDocuments() throws Exception {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        DossierFixtures.Submitted submitted = fixtures.submitted(submission, agencies, "bo-sung-", 20, null);
        String owner = submitted.username();
        Dossier d = submitted.dossier();

        Dossier waiting = transitions.requestSupplement(d.code(), "chuyenvien.stp",
                List.of("Bản sao giấy chứng nhận kết hôn", "Giấy ủy quyền có chứng thực"), "Thiếu giấy tờ chứng minh");
        assertThat(waiting.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        long requestId = dossiers.supplements(d.id()).get(0).id();

        // Nothing attached: refused, still waiting.
        mvc.perform(multipart("/api/v1/dossiers/" + d.code() + "/supplements/" + requestId).param("note", "x")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/dossiers/" + d.code() + "/supplements/" + requestId)
                        .file(new MockMultipartFile("item.2", "uy-quyen.pdf", "application/pdf", DossierFixtures.pdfBytes()))
                        .param("note", "Gửi bổ sung giấy ủy quyền").with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(1));

        assertThat(dossiers.supplements(d.id()).get(0).open()).isFalse();
        assertThat(dossiers.documents(d.id())).extracting(Dossiers.DossierDocument::kind)
                .containsExactly("ATTACHMENT", "SUPPLEMENT");
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("SUBMITTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED");
        // Acknowledgement, supplement requested, back to newly submitted.
        assertThat(TestMail.awaitMessagesTo(owner + "@example.vn", 3)).hasSize(3);

        long documentRow = dossiers.documents(d.id()).get(1).id();
        mvc.perform(get("/dossiers/" + d.code() + "/documents/" + documentRow).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/pdf")))
                .andExpect(header().string("Content-Disposition", startsWith("inline")));
        String other = "bo-sung-khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        mvc.perform(get("/dossiers/" + d.code() + "/documents/" + documentRow).with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedAnswerOnThePageKeepsTheNoteTyped() throws Exception {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        DossierFixtures.Submitted submitted = fixtures.submitted(submission, agencies, "bo-sung-", 21, null);
        String owner = submitted.username();
        Dossier d = submitted.dossier();
        transitions.requestSupplement(d.code(), "chuyenvien.stp", List.of("Bản sao giấy chứng nhận kết hôn"),
                "Thiếu giấy tờ chứng minh");
        long requestId = dossiers.supplements(d.id()).get(0).id();

        // An executable named .pdf: refused, and the page comes back with the note as typed.
        var refused = mvc.perform(multipart("/dossiers/" + d.code() + "/supplements/" + requestId)
                        .file(new MockMultipartFile("item.1", "ket-hon.pdf", "application/pdf",
                                windowsExecutable()))
                        .param("note", "Gửi bản sao giấy kết hôn đã chứng thực")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get("/dossiers/" + d.code()).flashAttrs(refused.getFlashMap())
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("không thuộc loại được chấp nhận")
                .containsPattern("<textarea id=\"supplement-note\"[^>]*>Gửi bản sao giấy kết hôn đã chứng thực</textarea>");
        assertThat(dossiers.supplements(d.id()).get(0).open()).isTrue();
    }

    /** A Windows executable's first bytes: DOS header pointing at a PE signature. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        exe[60] = (byte) 0x80;
        System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
        return exe;
    }
}
