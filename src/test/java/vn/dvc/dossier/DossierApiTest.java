package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.dossier.DossierSubmission.Attachment;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;

@IntegrationTest
class DossierApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DossierSubmission submission;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired vn.dvc.document.Documents documents;

    DossierFixtures fixtures;
    String owner;
    long ownerId;
    Dossier dossier;

    @BeforeEach
    void setUp() {
        fixtures = new DossierFixtures(jdbc, catalogue, documents);
        owner = "chu-ho-so-" + UUID.randomUUID().toString().substring(0, 8);
        ownerId = fixtures.applicant(owner);
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 8).code());
        dossier = submission.submit(new Submission(ownerId, owner, procedure.code(), null, 0,
                DossierFixtures.FORM, List.of(new Attachment(0, fixtures.pdf())),
                null, null)).dossier();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void theOwnerSeesTheDossierAndItsTimeline() throws Exception {
        mvc.perform(get("/api/v1/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(dossier.code()))
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andExpect(jsonPath("$.form.contactName").value("Trần Thị Bí Mật"))
                .andExpect(jsonPath("$.timeline[0].kind").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedAt", org.hamcrest.Matchers.endsWith("+07:00")));
        // typed in lower case, as the public lookup accepts it
        mvc.perform(get("/api/v1/dossiers/" + dossier.code().toLowerCase(java.util.Locale.ROOT))
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(dossier.code()));
        mvc.perform(get("/api/v1/dossiers/mine").with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].dossierCode").value(dossier.code()));
    }

    @Test
    void anotherApplicantGets404AndAnonymousGets401() throws Exception {
        String other = "nguoi-khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        mvc.perform(get("/api/v1/dossiers/" + dossier.code()).with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
        mvc.perform(get("/api/v1/dossiers/mine").with(DemoAccounts.as(users, other)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dossiers/" + dossier.code())).andExpect(status().isUnauthorized());
        // An officer is not the applicant either.
        mvc.perform(get("/api/v1/dossiers/" + dossier.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOwnerWithdrawsThroughTheApiOnceAndNobodyElseCan() throws Exception {
        String other = "nguoi-khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        String path = "/api/v1/dossiers/" + dossier.code() + "/withdraw";
        mvc.perform(post(path).with(DemoAccounts.as(users, other)).with(csrf())
                        .contentType("application/json").content("{\"reason\":\"không phải của tôi\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(path).with(DemoAccounts.as(users, owner)).contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(DemoAccounts.as(users, owner)).with(csrf())
                        .contentType("application/json").content("{\"reason\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(statusOf(dossier.code())).isEqualTo(1);

        mvc.perform(post(path.toLowerCase(java.util.Locale.ROOT)).with(DemoAccounts.as(users, owner)).with(csrf())
                        .contentType("application/json").content("{\"reason\":\"Nộp nhầm thủ tục\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(dossier.code()))
                .andExpect(jsonPath("$.nationalStatus").value(7));
        assertThat(statusOf(dossier.code())).isEqualTo(7);
        mvc.perform(get("/api/v1/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.allowedActions").isEmpty())
                .andExpect(jsonPath("$.timeline[1].message").value("Nộp nhầm thủ tục"));
        // Withdrawn once: a second request is a conflict and changes nothing.
        mvc.perform(post(path).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(statusOf(dossier.code())).isEqualTo(7);
    }

    private int statusOf(String code) {
        return jdbc.sql("select status from dossier where code = ?").param(code).query(Integer.class).single();
    }

    @Test
    void thePublicLookupShowsStatusAndDatesButNoPersonalData() throws Exception {
        String body = mvc.perform(get("/api/v1/lookup/" + dossier.code()).with(from("10.1.0.1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(dossier.code()))
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andExpect(jsonPath("$.agencyName").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Trần Thị Bí Mật", "0912345678", owner, "contactName", "applicant", "form");
        mvc.perform(get("/api/v1/lookup/" + dossier.code().replaceAll("\\d{4}$", "9999")).with(from("10.1.0.1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/lookup/khong-phai-ma").with(from("10.1.0.1"))).andExpect(status().isNotFound());
    }

    @Test
    void thePublicLookupIsRateLimitedPerClient() throws Exception {
        String client = "10.2." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/lookup/" + dossier.code()).with(from(client))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/lookup/" + dossier.code()).with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("too-many-requests"));
        // the page shares the limit and tells browsers and scripts when to come back, like the API
        mvc.perform(get("/lookup").param("code", dossier.code()).with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/lookup/" + dossier.code()).with(from("10.3.0.1"))).andExpect(status().isOk());
    }

    @Test
    void submittingThroughTheApiAnswers201ThenTheSameDossierForTheSameKey() throws Exception {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 9).code());
        MockMultipartFile pdf = new MockMultipartFile("component.1", "tờ khai.pdf", "application/pdf",
                DossierFixtures.pdfBytes());
        String key = UUID.randomUUID().toString();

        String code = com.jayway.jsonpath.JsonPath.read(mvc.perform(multipart("/api/v1/dossiers").file(pdf)
                        .param("procedureCode", procedure.code()).param("form", DossierFixtures.FORM)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andReturn().getResponse().getContentAsString(), "$.dossierCode");
        // The same request again: the answers' keys in another order and spaced out, the file under another name.
        mvc.perform(multipart("/api/v1/dossiers")
                        .file(new MockMultipartFile("component.1", "to-khai (1).pdf", "application/pdf",
                                DossierFixtures.pdfBytes()))
                        .param("procedureCode", " " + procedure.code() + " ").param("form", REORDERED_FORM)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(code));
        mvc.perform(get("/api/v1/dossiers/" + code).with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.documents.length()").value(1))
                .andExpect(jsonPath("$.documents[0].componentName").value("Tờ khai"));
        mvc.perform(get("/api/v1/dossiers/mine").with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.total").value(2)); // this one and the one made in setUp
    }

    /** {@link DossierFixtures#FORM} with its keys in another order and other whitespace: the same answers. */
    static final String REORDERED_FORM = """
            {
              "address" : "12 Hùng Vương, Pleiku",
              "phone":"0912345678",
              "contactName" : "Trần Thị Bí Mật",   "requestSummary": "Xin cấp bản sao"
            }
            """;

    @Test
    void aKeyReusedWithOtherAnswersOrAnotherFileIsRefusedWith422AndCreatesNothing() throws Exception {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 13).code());
        byte[] pdf = DossierFixtures.pdfBytes();
        byte[] otherPdf = java.util.Arrays.copyOf(pdf, pdf.length + 16);
        System.arraycopy("\n% another copy\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, otherPdf,
                pdf.length, 16);
        String key = UUID.randomUUID().toString();
        mvc.perform(multipart("/api/v1/dossiers").file(new MockMultipartFile("component.1", "a.pdf", "application/pdf", pdf))
                        .param("procedureCode", procedure.code()).param("form", DossierFixtures.FORM)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated());
        long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();

        String otherAnswers = DossierFixtures.FORM.replace("Xin cấp bản sao", "Xin cấp hai bản sao");
        mvc.perform(multipart("/api/v1/dossiers").file(new MockMultipartFile("component.1", "a.pdf", "application/pdf", pdf))
                        .param("procedureCode", procedure.code()).param("form", otherAnswers)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.type").value("urn:dvc:problem:idempotency-key-reused"))
                .andExpect(jsonPath("$.detail", startsWith("Khoá chống nộp trùng (Idempotency-Key) này đã được dùng")));
        mvc.perform(multipart("/api/v1/dossiers")
                        .file(new MockMultipartFile("component.1", "a.pdf", "application/pdf", otherPdf))
                        .param("procedureCode", procedure.code()).param("form", DossierFixtures.FORM)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"));
        mvc.perform(multipart("/api/v1/dossiers") // the optional second component added
                        .file(new MockMultipartFile("component.1", "a.pdf", "application/pdf", pdf))
                        .file(new MockMultipartFile("component.2", "b.pdf", "application/pdf", pdf))
                        .param("procedureCode", procedure.code()).param("form", DossierFixtures.FORM)
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersBefore);
        String otherSha = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(otherPdf));
        assertThat(jdbc.sql("select count(*) from document where sha256 = ?").param(otherSha).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aKeyBelongsToOneApplicantAndAnotherApplicantUsingItGetsTheirOwnDossier() throws Exception {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 14).code());
        String other = "nguoi-khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        String key = UUID.randomUUID().toString();
        String[] codes = new String[2];
        int i = 0;
        for (String who : List.of(owner, other)) {
            codes[i++] = com.jayway.jsonpath.JsonPath.read(mvc.perform(multipart("/api/v1/dossiers")
                            .file(new MockMultipartFile("component.1", "a.pdf", "application/pdf",
                                    DossierFixtures.pdfBytes()))
                            .param("procedureCode", procedure.code())
                            .param("form", who.equals(owner) ? DossierFixtures.FORM : REORDERED_FORM.replace("Bí Mật", "Khác"))
                            .header("Idempotency-Key", key).with(DemoAccounts.as(users, who)).with(csrf()))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.dossierCode");
        }
        assertThat(codes[1]).isNotEqualTo(codes[0]);
        mvc.perform(get("/api/v1/dossiers/" + codes[1]).with(DemoAccounts.as(users, other))).andExpect(status().isOk());
    }

    @Test
    void aFormHoldingTheNullCharacterIsRefusedWithAClearMessage() throws Exception {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 11).code());
        MockMultipartFile pdf = new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf",
                DossierFixtures.pdfBytes());
        // the JSON escape of the null character, as a script might send it
        String form = DossierFixtures.FORM.replace("Xin cấp bản sao", "Xin cấp\\u0000 bản sao");

        mvc.perform(multipart("/api/v1/dossiers").file(pdf).param("procedureCode", procedure.code())
                        .param("form", form).with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("form"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("U+0000")));
        mvc.perform(get("/api/v1/dossiers/mine").with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void uploadAttacksAreRefusedWithAClearMessageAndCreateNothing() throws Exception {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        Procedure procedure = fixtures.onlineProcedure(communes.get(communes.size() - 10).code());
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(DossierFixtures.pdfBytes(), 0, big, 0, DossierFixtures.pdfBytes().length);
        List<MockMultipartFile> attacks = List.of(
                new MockMultipartFile("component.1", "hop-dong.pdf", "application/pdf", exe),
                new MockMultipartFile("component.1", "rong.pdf", "application/pdf", new byte[0]),
                new MockMultipartFile("component.1", "qua-lon.pdf", "application/pdf", big),
                new MockMultipartFile("component.7", "khong-co.pdf", "application/pdf", DossierFixtures.pdfBytes()));
        for (MockMultipartFile attack : attacks) {
            mvc.perform(multipart("/api/v1/dossiers").file(attack).param("procedureCode", procedure.code())
                            .with(DemoAccounts.as(users, owner)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
        mvc.perform(get("/api/v1/dossiers/mine").with(DemoAccounts.as(users, owner)))
                .andExpect(jsonPath("$.total").value(1)); // only the one made in setUp
        mvc.perform(multipart("/api/v1/dossiers").param("procedureCode", procedure.code())
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isForbidden()); // no CSRF token
    }
}
