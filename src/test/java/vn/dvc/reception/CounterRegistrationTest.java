package vn.dvc.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.audit.AuditEntries;
import vn.dvc.audit.AuditEntry;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException;

@IntegrationTest
class CounterRegistrationTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired AuditEntries audit;
    @Autowired JsonMapper json;

    private Procedure procedure() {
        return new ReceptionFixtures(jdbc, catalogue, documents, submission).procedure(BigDecimal.valueOf(5));
    }

    /** A valid citizen identity number of a man born in 1985 (province 064). */
    private static String citizenId() {
        return "064085" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static byte[] pdf() throws IOException {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return in.readAllBytes();
        }
    }

    private MockMultipartHttpServletRequestBuilder registration(Procedure p, String citizenId, String channel)
            throws IOException {
        return registration(p, citizenId, channel, "Lê Văn Quầy");
    }

    private MockMultipartHttpServletRequestBuilder registration(Procedure p, String citizenId, String channel,
            String name) throws IOException {
        return registration(p, citizenId, channel, name, "12/03/1985");
    }

    private MockMultipartHttpServletRequestBuilder registration(Procedure p, String citizenId, String channel,
            String name, String dateOfBirth) throws IOException {
        return registration(p, citizenId, channel, name, dateOfBirth, ReceptionFixtures.FORM);
    }

    private MockMultipartHttpServletRequestBuilder registration(Procedure p, String citizenId, String channel,
            String name, String dateOfBirth, String form) throws IOException {
        return multipart("/api/v1/reception/dossiers")
                .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                .file(new MockMultipartFile("component.2", "cccd.pdf", "application/pdf", pdf()))
                .param("procedureCode", p.code()).param("channel", channel).param("form", form)
                .param("applicantFullName", name).param("applicantCitizenId", citizenId)
                .param("applicantDateOfBirth", dateOfBirth).param("applicantSex", "MALE")
                .param("applicantPhone", "0905123456").param("applicantAddress", "12 Lê Lợi, Pleiku");
    }

    private long accountsWithUsername(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void theOfficerRegistersAndReceivesADossierForSomeoneWithoutAnAccount() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        String body = mvc.perform(registration(p, id, "DIRECT").param("receive", "true")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dossierCode", startsWith(ReceptionFixtures.JUSTICE + "-")))
                .andExpect(jsonPath("$.channel").value("DIRECT"))
                .andExpect(jsonPath("$.nationalStatus").value(4))
                .andExpect(jsonPath("$.accountCreated").value(true))
                .andExpect(jsonPath("$.receiptUrl", Matchers.endsWith("/receipt.pdf")))
                .andReturn().getResponse().getContentAsString();
        String code = json.readTree(body).get("dossierCode").asString();
        Dossier d = dossiers.findByCode(code).orElseThrow();
        assertThat(d.channel().name()).isEqualTo("DIRECT");
        assertThat(d.dueAt()).isNotNull();
        assertThat(dossiers.timeline(d.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsExactly("REGISTERED_DIRECT", "RECEIVED", "PROCESSING_STARTED");
        assertThat(dossiers.documents(d.id())).hasSize(2);

        // The account: the identity number as username, made at the counter by this officer, nobody's password.
        assertThat(jdbc.sql("""
                select a.username || '|' || p.origin || '|' || p.registered_by || '|' || (p.email is null)
                  from account a join applicant p on p.account_id = a.id where a.id = ?""").param(d.applicantId())
                .query(String.class).single()).isEqualTo(id + "|COUNTER|tiepnhan.stp|true");

        // The audit trail has the registration and the reception (accepted, then in progress), by the officer.
        assertThat(audit.of(code)).extracting(AuditEntry::action)
                .containsExactly("DOSSIER_SUBMITTED", "DOSSIER_STATUS_CHANGED", "DOSSIER_STATUS_CHANGED");
        assertThat(audit.of(code).get(0).actor()).isEqualTo("tiepnhan.stp");
        assertThat(audit.of(code).get(0).details()).contains("\"channel\":\"DIRECT\"");

        // Form 01 for the desk: the applicant typed by the officer, the submitter signs (no "submitted online").
        byte[] pdf = mvc.perform(get("/reception/dossiers/" + code + "/receipt.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReceptionTest.pdfText(pdf)).contains("Mã hồ sơ: " + code, "Lê Văn Quầy", "12 Lê Lợi, Pleiku",
                "0905123456", "NGƯỜI NỘP HỒ SƠ").doesNotContain("(Nộp trực tuyến)");

        // The same person again: the account is found, not made twice; not received this time.
        mvc.perform(registration(p, id, "DIRECT").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nationalStatus").value(1))
                .andExpect(jsonPath("$.accountCreated").value(false));
        assertThat(accountsWithUsername(id)).isEqualTo(1);
    }

    @Test
    void aProcedureNotOfferedByPostAndBadInputLeaveNothingBehind() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        mvc.perform(registration(p, id, "POSTAL").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(registration(p, id, "DIRECT", "")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("applicantFullName")));
        mvc.perform(registration(p, "064185000001", "DIRECT")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("applicantCitizenId")));
        assertThat(accountsWithUsername(id)).isZero();
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersBefore);
    }

    @Test
    void anotherAgencysOfficerCannotRegisterForItNorSeeItAndOnlyReceptionOfficersRegister() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        mvc.perform(registration(p, id, "DIRECT").with(DemoAccounts.as(users, "tiepnhan.pleiku")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("agencyCode")));
        assertThat(accountsWithUsername(id)).isZero();
        mvc.perform(registration(p, id, "DIRECT").with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(registration(p, id, "DIRECT").with(csrf())).andExpect(status().isUnauthorized());

        String body = mvc.perform(registration(p, id, "DIRECT").with(DemoAccounts.as(users, "tiepnhan.stp"))
                        .with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = json.readTree(body).get("dossierCode").asString();
        mvc.perform(get("/api/v1/queue/" + code).with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reception/dossiers/" + code).with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/queue/" + code).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("DIRECT"));
    }

    @Test
    void anExistingCitizensImplausibleDateOfBirthOrANameWithSymbolsIsRefusedWithVietnameseMessages()
            throws Exception {
        Procedure p = procedure();
        long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        // congdan: Nguyễn Văn An, 064085000001, born 12/03/1985.
        for (String[] bad : new String[][] {{"01/01/1800", "Năm sinh không hợp lý"},
                {"31/02/1985", "Ngày này không có trong lịch"}, {"12/03/2999", "Ngày sinh không thể ở tương lai."},
                {"13/03/1985", "Ngày sinh khác với ngày sinh của tài khoản"}}) {
            mvc.perform(registration(p, "064085000001", "DIRECT", "Nguyễn Văn An", bad[0])
                            .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.allOf(Matchers.containsString("applicantDateOfBirth"),
                            Matchers.containsString(bad[1]))));
        }
        mvc.perform(registration(p, citizenId(), "DIRECT", "Lê Văn Quầy 😀")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("không có chữ số, biểu tượng hay ký hiệu khác")));
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersBefore);
    }

    @Test
    void thePageRegistersADossierWithTheEForm() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        mvc.perform(get("/reception/register").param("procedureCode", p.code())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"f.requestSummary\"")))
                .andExpect(content().string(Matchers.containsString("name=\"component.2\"")));
        mvc.perform(get("/reception/register").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/reception/register").param("procedureCode", p.code())
                        .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                        .file(new MockMultipartFile("component.2", "cccd.pdf", "application/pdf", pdf()))
                        .param("channel", "DIRECT").param("f.requestSummary", "Xin cấp phiếu lý lịch tư pháp")
                        .param("f.contactName", "Lê Văn Quầy").param("f.phone", "0905123456")
                        .param("f.address", "12 Lê Lợi, Pleiku")
                        .param("applicantFullName", "Lê Văn Quầy").param("applicantCitizenId", id)
                        .param("applicantDateOfBirth", "12/03/1985").param("applicantSex", "MALE")
                        .param("applicantPhone", "0905123456").param("applicantEmail", id + "@example.vn")
                        .param("applicantAddress", "12 Lê Lợi, Pleiku")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/reception/dossiers/" + ReceptionFixtures.JUSTICE + "-*"));
        assertThat(jdbc.sql("select p.email from applicant p join account a on a.id = p.account_id where a.username = ?")
                .param(id).query(String.class).single()).isEqualTo(id + "@example.vn");
    }

    @Test
    void aRepeatedKeyAnswersTheFirstRegistrationAndAKeyReusedForAnotherOneIsRefusedWith422() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        String key = java.util.UUID.randomUUID().toString();
        String code = json.readTree(mvc.perform(registration(p, id, "DIRECT").header("Idempotency-Key", key)
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("dossierCode").asString();

        mvc.perform(registration(p, id, "DIRECT").header("Idempotency-Key", key)
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierCode").value(code));
        mvc.perform(registration(p, id, "POSTAL").header("Idempotency-Key", key)
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("không có hồ sơ nào được tạo")));
        mvc.perform(registration(p, id, "DIRECT", "Lê Văn Quầy", "12/03/1985",
                        ReceptionFixtures.FORM.replace("Xin cấp", "Xin cấp lại"))
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select count(*) from dossier where procedure_code = ?").param(p.code())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoRegistrationsOfTheSameNewPersonAtOnceMakeOneAccountAndNoServerError() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        bothCreatedWhenSentTogether(() -> registration(p, id, "DIRECT"));
        assertThat(accountsWithUsername(id)).isEqualTo(1);
    }

    /** Sends the same registration twice at the same moment; each must answer 201. */
    private void bothCreatedWhenSentTogether(
            java.util.concurrent.Callable<MockMultipartHttpServletRequestBuilder> request) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(request.call().with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pressingRegisterTwiceOnTheSameFormRegistersOneDossier() throws Exception {
        Procedure p = procedure();
        String id = citizenId();
        String form = mvc.perform(get("/reception/register").param("procedureCode", p.code())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(m.find()).isTrue();
        String key = m.group(1);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            java.util.List<java.util.concurrent.Future<?>> presses = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                presses.add(pool.submit(() -> {
                    start.await();
                    targets.add(mvc.perform(multipart("/reception/register").param("procedureCode", p.code())
                                    .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                                    .file(new MockMultipartFile("component.2", "cccd.pdf", "application/pdf", pdf()))
                                    .param("submissionKey", key).param("channel", "DIRECT")
                                    .param("f.requestSummary", "Nhấp hai lần").param("f.contactName", "Lê Văn Quầy")
                                    .param("f.phone", "0905123456").param("f.address", "12 Lê Lợi, Pleiku")
                                    .param("applicantFullName", "Lê Văn Quầy").param("applicantCitizenId", id)
                                    .param("applicantDateOfBirth", "12/03/1985").param("applicantSex", "MALE")
                                    .param("applicantPhone", "0905123456").param("applicantAddress", "12 Lê Lợi, Pleiku")
                                    .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                            .andReturn().getResponse().getRedirectedUrl());
                    return null;
                }));
            }
            start.countDown();
            for (var press : presses) {
                press.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(targets).hasSize(2).doesNotContainNull();
        assertThat(targets.get(0)).isEqualTo(targets.get(1));
        assertThat(jdbc.sql("select count(*) from dossier where procedure_code = ?").param(p.code())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCaseTheProcedureVersionDoesNotHaveIsRefusedOnlineByApiAndAtTheCounter() throws Exception {
        ReceptionFixtures fixtures = new ReceptionFixtures(jdbc, catalogue, documents, submission);
        Procedure noCases = fixtures.procedure(BigDecimal.valueOf(5), false);
        Procedure oneCase = procedure();
        long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();

        // Online (service and API): a version without cases has only case 0.
        String username = ReceptionFixtures.unique("truong-hop");
        long applicant = fixtures.applicant(username);
        assertThatThrownBy(() -> submission.submit(new DossierSubmission.Submission(applicant, username,
                noCases.code(), ReceptionFixtures.JUSTICE, 3, ReceptionFixtures.FORM, List.of(), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ProblemException.FieldProblem::field).contains("caseIndex"));
        mvc.perform(multipart("/api/v1/dossiers").param("procedureCode", noCases.code())
                        .param("agencyCode", ReceptionFixtures.JUSTICE).param("caseIndex", "2")
                        .param("form", ReceptionFixtures.FORM).header("Idempotency-Key", username)
                        .with(DemoAccounts.as(users, username)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("không chia trường hợp")));

        // Counter API: out of range with cases, anything but 0 without.
        mvc.perform(registration(oneCase, citizenId(), "DIRECT").param("caseIndex", "1")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("caseIndex")));
        mvc.perform(multipart("/api/v1/reception/dossiers").param("procedureCode", noCases.code())
                        .param("channel", "DIRECT").param("form", ReceptionFixtures.FORM).param("caseIndex", "4")
                        .param("applicantFullName", "Lê Văn Quầy").param("applicantCitizenId", citizenId())
                        .param("applicantDateOfBirth", "12/03/1985").param("applicantSex", "MALE")
                        .param("applicantPhone", "0905123456").param("applicantAddress", "12 Lê Lợi, Pleiku")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("không chia trường hợp")));

        // Counter page: a negative or garbled case is refused, not taken as the first case.
        for (String bad : new String[] {"-1", "abc", "1"}) {
            String id = citizenId();
            mvc.perform(multipart("/reception/register").param("procedureCode", oneCase.code())
                            .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                            .file(new MockMultipartFile("component.2", "cccd.pdf", "application/pdf", pdf()))
                            .param("channel", "DIRECT").param("caseIndex", bad)
                            .param("f.requestSummary", "Xin cấp phiếu lý lịch tư pháp")
                            .param("f.contactName", "Lê Văn Quầy").param("f.phone", "0905123456")
                            .param("f.address", "12 Lê Lợi, Pleiku")
                            .param("applicantFullName", "Lê Văn Quầy").param("applicantCitizenId", id)
                            .param("applicantDateOfBirth", "12/03/1985").param("applicantSex", "MALE")
                            .param("applicantPhone", "0905123456").param("applicantAddress", "12 Lê Lợi, Pleiku")
                            .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Trường hợp đã chọn không có trong thủ tục này.")));
            assertThat(accountsWithUsername(id)).isZero();
        }
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersBefore);
    }
    /** A valid, random tax code of province 59. */
    private static String taxCode() {
        while (true) {
            String code = "59" + String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
            if (vn.dvc.shared.TaxCode.isValid(code)) {
                return code;
            }
        }
    }

    private MockMultipartHttpServletRequestBuilder organisation(Procedure p, String taxCode, String name)
            throws IOException {
        return organisation(p, taxCode, name, "Trần Văn Giám");
    }

    private MockMultipartHttpServletRequestBuilder organisation(Procedure p, String taxCode, String name,
            String representative) throws IOException {
        return multipart("/api/v1/reception/dossiers")
                .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                .file(new MockMultipartFile("component.2", "gcn-dkdn.pdf", "application/pdf", pdf()))
                .param("procedureCode", p.code()).param("channel", "DIRECT").param("form", ReceptionFixtures.FORM)
                .param("applicantKind", "ORGANISATION").param("applicantTaxCode", taxCode)
                .param("applicantOrganisationName", name).param("applicantAddress", "5 Trần Hưng Đạo, Pleiku")
                .param("applicantPhone", "0912000222").param("applicantRepresentative", representative)
                .param("applicantRepresentativeCitizenId", "064085000777")
                .param("applicantRepresentativePosition", "Giám đốc");
    }

    private long dossiersOf(String username) {
        return jdbc.sql("select count(*) from dossier d join account a on a.id = d.applicant_id where a.username = ?")
                .param(username).query(Long.class).single();
    }

    @Test
    void anOrganisationIsRegisteredFoundAgainByItsTaxCodeAndNamedOnForm01AndTheDossierPage() throws Exception {
        Procedure p = procedure();
        String tax = taxCode();
        String key = java.util.UUID.randomUUID().toString();
        String body = mvc.perform(organisation(p, tax, "Công ty TNHH Xây dựng Quầy Một").param("receive", "true")
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountCreated").value(true))
                .andExpect(jsonPath("$.nationalStatus").value(4))
                .andReturn().getResponse().getContentAsString();
        String code = json.readTree(body).get("dossierCode").asString();
        // The account: the tax code as username, an organisation made at the counter, nobody's password.
        assertThat(jdbc.sql("""
                select a.username || '|' || p.kind || '|' || p.origin || '|' || p.full_name || '|' || p.tax_code
                  from account a join applicant p on p.account_id = a.id where a.id = ?""")
                .param(dossiers.findByCode(code).orElseThrow().applicantId()).query(String.class).single())
                .isEqualTo(tax + "|ORGANISATION|COUNTER|Công ty TNHH Xây dựng Quầy Một|" + tax);

        byte[] pdf = mvc.perform(get("/reception/dossiers/" + code + "/receipt.pdf")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReceptionTest.pdfText(pdf)).contains("Công ty TNHH Xây dựng Quầy Một", "5 Trần Hưng Đạo, Pleiku");
        mvc.perform(get("/reception/dossiers/" + code).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "<dd id=\"applicant-name\">Công ty TNHH Xây dựng Quầy Một</dd>")))
                .andExpect(content().string(Matchers.containsString("<dd id=\"applicant-tax-code\">" + tax + "</dd>")));

        // The same request with the same key again: the first dossier. The same key for a citizen's otherwise
        // identical request is another applicant's key: a dossier of their own.
        mvc.perform(organisation(p, tax, "Công ty TNHH Xây dựng Quầy Một").param("receive", "true")
                        .header("Idempotency-Key", key).with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dossierCode").value(code));
        mvc.perform(registration(p, citizenId(), "DIRECT").param("receive", "true").header("Idempotency-Key", key)
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dossierCode", Matchers.not(code)));

        // Again, the name in capitals without diacritics: found by the tax code, not made twice.
        mvc.perform(organisation(p, tax, "CONG TY TNHH XAY DUNG QUAY MOT")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountCreated").value(false));
        assertThat(accountsWithUsername(tax)).isEqualTo(1);
        assertThat(dossiersOf(tax)).isEqualTo(2);
    }

    @Test
    void anOrganisationsBadTaxCodeMissingNameOrAnotherNameAreRefusedInVietnameseAndNothingIsMade() throws Exception {
        Procedure p = procedure();
        String tax = taxCode();
        long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        String wrongCheckDigit = tax.substring(0, 9) + (char) ('0' + (tax.charAt(9) - '0' + 1) % 10);
        mvc.perform(organisation(p, wrongCheckDigit, "Công ty A").with(DemoAccounts.as(users, "tiepnhan.stp"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("applicantTaxCode"),
                        Matchers.containsString("chữ số kiểm tra"))));
        mvc.perform(organisation(p, "59012", "Công ty A").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Mã số thuế gồm 10 chữ số")));
        mvc.perform(organisation(p, tax, "").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("applicantOrganisationName"),
                        Matchers.containsString("Trường này là bắt buộc."))));
        mvc.perform(organisation(p, tax, "Công ty A", "Giám đốc 1")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("applicantRepresentative"),
                        Matchers.containsString("không có chữ số, biểu tượng hay ký hiệu khác"))));
        mvc.perform(registration(p, citizenId(), "DIRECT").param("applicantKind", "COMPANY")
                        .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("công dân hoặc tổ chức")));
        assertThat(accountsWithUsername(tax)).isZero();
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiersBefore);

        // A known tax code typed with another organisation's name: refused, the other name not shown.
        mvc.perform(organisation(p, tax, "Công ty A").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isCreated());
        mvc.perform(organisation(p, tax, "Hợp tác xã B").with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("đã có tài khoản mang tên tổ chức khác"),
                        Matchers.not(Matchers.containsString("Công ty A")))));
        assertThat(dossiersOf(tax)).isEqualTo(1);
    }

    @Test
    void anotherAgencysOfficerCannotRegisterAnOrganisation() throws Exception {
        Procedure p = procedure();
        String tax = taxCode();
        mvc.perform(organisation(p, tax, "Công ty A").with(DemoAccounts.as(users, "tiepnhan.pleiku")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("agencyCode")));
        mvc.perform(organisation(p, tax, "Công ty A").with(DemoAccounts.as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(organisation(p, tax, "Công ty A").with(csrf())).andExpect(status().isUnauthorized());
        assertThat(accountsWithUsername(tax)).isZero();
    }

    @Test
    void thePageRegistersAnOrganisationAndKeepsWhatWasTypedWhenTheTaxCodeIsWrong() throws Exception {
        Procedure p = procedure();
        String tax = taxCode();
        mvc.perform(get("/reception/register").param("procedureCode", p.code())
                        .with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Tổ chức, doanh nghiệp"),
                        Matchers.containsString("name=\"applicantTaxCode\""),
                        Matchers.containsString("name=\"applicantRepresentative\""))));
        String wrong = tax.substring(0, 9) + (char) ('0' + (tax.charAt(9) - '0' + 1) % 10);
        for (String typed : new String[] {wrong, tax}) {
            var request = multipart("/reception/register").param("procedureCode", p.code())
                    .file(new MockMultipartFile("component.1", "to-khai.pdf", "application/pdf", pdf()))
                    .file(new MockMultipartFile("component.2", "gcn-dkdn.pdf", "application/pdf", pdf()))
                    .param("channel", "DIRECT").param("f.requestSummary", "Xin cấp phiếu lý lịch tư pháp")
                    .param("f.contactName", "Trần Văn Giám").param("f.phone", "0912000222")
                    .param("f.address", "5 Trần Hưng Đạo, Pleiku")
                    .param("applicantKind", "ORGANISATION").param("applicantTaxCode", typed)
                    .param("applicantOrganisationName", "Hợp tác xã Nông nghiệp Quầy")
                    .param("applicantRepresentative", "Trần Văn Giám")
                    .param("applicantRepresentativeCitizenId", "064085000777")
                    .param("applicantRepresentativePosition", "Chủ tịch Hội đồng quản trị")
                    .param("applicantPhone", "0912000222").param("applicantEmail", "htx." + tax + "@example.vn")
                    .param("applicantAddress", "5 Trần Hưng Đạo, Pleiku")
                    .with(DemoAccounts.as(users, "tiepnhan.stp")).with(csrf());
            if (typed.equals(wrong)) {
                mvc.perform(request).andExpect(status().isOk())
                        .andExpect(content().string(Matchers.allOf(
                                Matchers.containsString("Mã số thuế (10 chữ số; đơn vị phụ thuộc: dddddddddd-ddd): "
                                        + "Mã số thuế không đúng: chữ số thứ mười (chữ số kiểm tra)"),
                                Matchers.containsString("value=\"Hợp tác xã Nông nghiệp Quầy\""),
                                Matchers.containsString("id=\"kind-ORGANISATION\" checked"))));
                assertThat(accountsWithUsername(wrong)).isZero();
            } else {
                String target = mvc.perform(request).andExpect(status().is3xxRedirection())
                        .andExpect(redirectedUrlPattern("/reception/dossiers/" + ReceptionFixtures.JUSTICE + "-*"))
                        .andReturn().getResponse().getRedirectedUrl();
                mvc.perform(get(target).with(DemoAccounts.as(users, "tiepnhan.stp")))
                        .andExpect(content().string(Matchers.containsString("Hợp tác xã Nông nghiệp Quầy")));
            }
        }
        assertThat(jdbc.sql("select p.email from applicant p join account a on a.id = p.account_id where a.username = ?")
                .param(tax).query(String.class).single()).isEqualTo("htx." + tax + "@example.vn");
    }

    @Test
    void twoRegistrationsOfTheSameNewOrganisationAtOnceMakeOneAccount() throws Exception {
        Procedure p = procedure();
        String tax = taxCode();
        bothCreatedWhenSentTogether(() -> organisation(p, tax, "Công ty Cổ phần Cùng Lúc"));
        assertThat(accountsWithUsername(tax)).isEqualTo(1);
        assertThat(dossiersOf(tax)).isEqualTo(2);
    }
}
