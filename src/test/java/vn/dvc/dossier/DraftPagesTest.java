package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;

@IntegrationTest
class DraftPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DossierDrafts drafts;
    @Autowired Dossiers dossiers;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    String username;
    long applicant;
    Procedure procedure;
    RequestPostProcessor me;

    @BeforeEach
    void setUp() {
        DossierFixtures fixtures = new DossierFixtures(jdbc, catalogue, documents);
        username = "ung-dung-" + UUID.randomUUID().toString().substring(0, 8);
        applicant = fixtures.applicant(username);
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        procedure = fixtures.onlineProcedure(communes.get(communes.size() - 25).code());
        me = DemoAccounts.as(users, username);
    }

    UUID start() throws Exception {
        String location = mvc.perform(post("/procedures/" + procedure.code() + "/apply").with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring("/drafts/".length()));
    }

    MockMultipartHttpServletRequestBuilder draftPost(UUID draft, String action) {
        return draftPost(draft, action, "0912345678");
    }

    MockMultipartHttpServletRequestBuilder draftPost(UUID draft, String action, String phone) {
        return draftPost(draft, action, phone, drafts.find(draft, applicant).orElseThrow().version());
    }

    MockMultipartHttpServletRequestBuilder draftPost(UUID draft, String action, String phone, int version) {
        MockMultipartHttpServletRequestBuilder request = multipart("/drafts/" + draft);
        request.param("version", String.valueOf(version))
                .param("action", action).param("f.requestSummary", "Cấp bản sao trích lục")
                .param("f.contactName", "Người nộp " + username).param("f.phone", phone)
                .param("f.address", "12 Hùng Vương, Pleiku");
        request.with(me).with(csrf());
        return request;
    }

    @Test
    void anApplicantFillsUploadsSavesResumesAndSubmits() throws Exception {
        UUID draft = start();
        mvc.perform(get("/drafts/" + draft).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Người nộp " + username))); // prefilled

        mvc.perform(draftPost(draft, "upload").file(new MockMultipartFile("file.0", "to-khai.pdf", "application/pdf",
                DossierFixtures.pdfBytes()))).andExpect(status().is3xxRedirection());
        assertThat(drafts.documents(draft)).hasSize(1);
        mvc.perform(multipart("/drafts/" + draft + "/autosave")
                        .param("version", String.valueOf(drafts.find(draft, applicant).orElseThrow().version()))
                        .param("f.requestSummary", "Cấp bản sao trích lục khai sinh").with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").isNumber());
        assertThat(drafts.find(draft, applicant).orElseThrow().formJson()).contains("trích lục khai sinh");
        mvc.perform(get("/dossiers").with(me)).andExpect(content().string(containsString("/drafts/" + draft)));

        String location = mvc.perform(draftPost(draft, "submit")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(location).matches("/dossiers/\\d{3}\\.\\d{2}\\.\\d{2}\\.H21-\\d{6}-\\d{4}");
        assertThat(drafts.find(draft, applicant)).isEmpty();
        Dossier d = dossiers.findOwned(location.substring("/dossiers/".length()), applicant).orElseThrow();
        assertThat(d.formJson()).contains("Cấp bản sao trích lục");
        assertThat(dossiers.documents(d.id())).hasSize(1);
    }

    @Test
    void aSecondClickOnSubmitLandsOnTheDossierTheFirstOneMade() throws Exception {
        UUID draft = start();
        mvc.perform(draftPost(draft, "upload").file(new MockMultipartFile("file.0", "to-khai.pdf", "application/pdf",
                DossierFixtures.pdfBytes()))).andExpect(status().is3xxRedirection());
        int version = drafts.find(draft, applicant).orElseThrow().version();
        String first = mvc.perform(draftPost(draft, "submit", "0912345678", version))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        // the same form again, as the browser sends it on a double click or from its history
        mvc.perform(draftPost(draft, "submit", "0912345678", version))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(first));
        mvc.perform(get("/drafts/" + draft).with(me))
                .andExpect(redirectedUrl(first));
        assertThat(dossiers.mine(applicant, 0, 5).total()).isEqualTo(1);
    }

    @Test
    void aSubmitBasedOnTheVersionTheFirstClickJustSavedIsNotAConflict() throws Exception {
        UUID draft = start();
        mvc.perform(draftPost(draft, "upload").file(new MockMultipartFile("file.0", "to-khai.pdf", "application/pdf",
                DossierFixtures.pdfBytes()))).andExpect(status().is3xxRedirection());
        int before = drafts.find(draft, applicant).orElseThrow().version();
        // the first click's save of the very same answers went through; its submission is still running
        mvc.perform(draftPost(draft, "save")).andExpect(status().is3xxRedirection());

        mvc.perform(draftPost(draft, "submit", "0912345678", before))
                .andExpect(status().is3xxRedirection());
        assertThat(dossiers.mine(applicant, 0, 5).total()).isEqualTo(1);
    }

    @Test
    void aSubmitBasedOnAVersionChangedElsewhereIsStillAConflict() throws Exception {
        UUID draft = start();
        int before = drafts.find(draft, applicant).orElseThrow().version();
        mvc.perform(draftPost(draft, "save", "0987654321")).andExpect(status().is3xxRedirection());

        mvc.perform(draftPost(draft, "submit", "0912345678", before))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("thiết bị khác")));
        assertThat(dossiers.mine(applicant, 0, 5).total()).isZero();
    }

    @Test
    void aCaseTheProcedureDoesNotHaveIsRefusedOnThePageNotSavedNorTakenAsTheFirst() throws Exception {
        UUID draft = start();
        int version = drafts.find(draft, applicant).orElseThrow().version();
        for (String bad : new String[] {"7", "-1", "abc"}) {
            mvc.perform(draftPost(draft, "save").param("caseIndex", bad))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Trường hợp đã chọn không có trong thủ tục này.")));
            mvc.perform(multipart("/drafts/" + draft + "/autosave").param("version", String.valueOf(version))
                            .param("caseIndex", bad).param("f.requestSummary", "x").with(me).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value("Trường hợp đã chọn không có trong thủ tục này."));
        }
        assertThat(drafts.find(draft, applicant).orElseThrow().version()).isEqualTo(version);
        mvc.perform(draftPost(draft, "save").param("caseIndex", "0")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aFormOverTheSizeLimitIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        UUID draft = start();
        int version = drafts.find(draft, applicant).orElseThrow().version();
        String pasted = "a".repeat(DossierSubmission.MAX_FORM_CHARS + 1);

        mvc.perform(multipart("/drafts/" + draft).param("version", String.valueOf(version)).param("action", "save")
                        .param("f.requestSummary", pasted).with(me).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nội dung tờ khai quá lớn")));
        mvc.perform(multipart("/drafts/" + draft + "/autosave").param("version", String.valueOf(version))
                        .param("f.requestSummary", pasted).with(me).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("Nội dung tờ khai quá lớn")));
        assertThat(drafts.find(draft, applicant).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void problemsAreShownOnThePageAndNothingIsSubmitted() throws Exception {
        UUID draft = start();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(draftPost(draft, "upload").file(new MockMultipartFile("file.0", "to-khai.pdf", "application/pdf", exe)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("page-errors")));
        assertThat(drafts.documents(draft)).isEmpty();

        mvc.perform(draftPost(draft, "submit", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("eform-summary")));
        mvc.perform(draftPost(draft, "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa đính kèm thành phần bắt buộc")));
        assertThat(dossiers.mine(applicant, 0, 5).total()).isZero();
        assertThat(drafts.find(draft, applicant)).isPresent();
    }

    @Test
    void anOrganisationsDraftIsPrefilledWithItsNameAndTaxCodeAndItsRepresentativeAsThePerson() throws Exception {
        RequestPostProcessor company = DemoAccounts.as(users, "doanhnghiep");
        String location = mvc.perform(post("/procedures/" + procedure.code() + "/apply").with(company).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(company)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String organisation = jdbc.sql("""
                select p.organisation_name from applicant p join account a on a.id = p.account_id
                where a.username = 'doanhnghiep'""").query(String.class).single();
        // The person field holds the legal representative; the organisation's own fields its name and tax code.
        assertThat(page).contains("name=\"f.contactName\" value=\"Lê Thị Hoa\"",
                "name=\"f.organisation[0].organisationName\" value=\"" + organisation + "\"",
                "name=\"f.organisation[0].taxCode\" value=\"5999999982\"");
        assertThat(page).doesNotContain("name=\"f.contactName\" value=\"" + organisation + "\"");

        // A citizen's draft: the person fields as before, no organisation.
        String mine = mvc.perform(get("/drafts/" + start()).with(me)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mine).contains("name=\"f.contactName\" value=\"Người nộp " + username + "\"")
                .contains("name=\"f.organisation[0].organisationName\" value=\"\"");
    }

    @Test
    void communesOfEveryDistrictAreOfferedUnderTheirDistrictSoThatTwoOfOneNameCanBeToldApart() throws Exception {
        String location = mvc.perform(post("/procedures/1.001193/apply").with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(me)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(optionsUnder(page, "Huyện Ia Grai")).contains("Ủy ban nhân dân Xã Ia O");
        assertThat(optionsUnder(page, "Huyện Chư Prông")).contains("Ủy ban nhân dân Xã Ia O");
        assertThat(optionsUnder(page, "Thành phố Pleiku")).contains("Ủy ban nhân dân Phường Diên Hồng")
                .doesNotContain("Ủy ban nhân dân Xã Ia O");
    }

    @Test
    void submittingWithoutChoosingAmongSeveralAgenciesSaysSoBesideTheFormsProblems() throws Exception {
        String location = mvc.perform(post("/procedures/1.001193/apply").with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID draft = UUID.fromString(location.substring("/drafts/".length()));
        String page = mvc.perform(multipart(location).param("action", "submit").param("agencyCode", "")
                        .param("version", String.valueOf(drafts.find(draft, applicant).orElseThrow().version()))
                        .with(me).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("eform-summary", "id=\"agency-error\"", "Vui lòng chọn cơ quan tiếp nhận hồ sơ.")
                .containsPattern("<select id=\"agencyCode\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"agency-error\"");
        assertThat(dossiers.mine(applicant, 0, 5).total()).isZero();
    }

    /** The text of the drop-down options under one heading of the page's agency list. */
    static String optionsUnder(String page, String heading) {
        Matcher group = Pattern.compile("<optgroup label=\"" + Pattern.quote(heading) + "\">(.*?)</optgroup>",
                Pattern.DOTALL).matcher(page);
        assertThat(group.find()).as("a group headed " + heading).isTrue();
        return group.group(1);
    }

    @Test
    void theRepresentationFieldsStackTheirLabelsAboveTheirInputs() throws Exception {
        UUID draft = start();
        String page = mvc.perform(get("/drafts/" + draft).with(me)).andReturn().getResponse().getContentAsString();
        // Without the column layout the three labels and inputs ran on together on a phone.
        Matcher fieldset = Pattern.compile("<fieldset([^>]*)>\\s*<legend>Nộp thay").matcher(page);
        assertThat(fieldset.find()).isTrue();
        assertThat(fieldset.group(1)).contains("class=\"stack\"");
    }

    @Test
    void anotherApplicantCannotOpenTheDraft() throws Exception {
        UUID draft = start();
        String other = "ung-dung-khac-" + UUID.randomUUID().toString().substring(0, 8);
        new DossierFixtures(jdbc, catalogue, documents).applicant(other);
        mvc.perform(get("/drafts/" + draft).with(DemoAccounts.as(users, other))).andExpect(status().isNotFound());
    }
}
