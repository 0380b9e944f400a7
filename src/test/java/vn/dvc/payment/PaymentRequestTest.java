package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Fee;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/** An officer requests an additional amount (status 6); the applicant pays it; the e-receipt. */
@IntegrationTest
class PaymentRequestTest {

    static final String JUSTICE = "000.00.03.H21";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DossierTransitions transitions;
    @Autowired Dossiers dossiers;
    @Autowired Payments payments;
    @Autowired PaymentRequests requests;
    @Autowired JsonMapper json;

    PaymentFixtures fixtures;
    String owner;
    Dossier dossier;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(jdbc, catalogue, documents, submission);
        owner = "them-" + UUID.randomUUID().toString().substring(0, 8);
        long ownerId = fixtures.applicant(owner);
        dossier = fixtures.dossier(ownerId, owner, JUSTICE, AgencyLevel.PROVINCIAL, List.of(), List.of(), null,
                List.of(), null);
        Instant now = Instant.now();
        transitions.receive(dossier.code(), JUSTICE, "tiepnhan.stp", now, now.plus(10, ChronoUnit.DAYS));
    }

    String today(int plusDays) {
        return LocalDate.now(VietnamTime.ZONE).plusDays(plusDays).toString();
    }

    MockHttpServletRequestBuilder requestPayment(String code, String body) {
        return post("/api/v1/dossiers/" + code + "/actions/request-payment").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(csrf());
    }

    DossierStatus dossierStatus() {
        return dossiers.findByCode(dossier.code()).orElseThrow().status();
    }

    @Test
    void anOfficerRequestsAnAmountTheApplicantPaysItAndTheDossierGoesBackToProcessing() throws Exception {
        mvc.perform(requestPayment(dossier.code(), "{\"amountVnd\":120000,\"reason\":\"Phí thẩm định bổ sung\","
                        + "\"deadline\":\"" + today(5) + "\"}").with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalStatus").value(6))
                .andExpect(jsonPath("$.amountVnd").value(120_000));
        assertThat(dossierStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        assertThat(requests.open(dossier.code())).get().extracting(PaymentRequests.PaymentRequest::amountVnd)
                .isEqualTo(120_000L);
        // The applicant's mail says how much, why and until when.
        List<String> mails = jdbc.sql("select body from mail_outbox where recipient = ? order by id")
                .param(owner + "@example.vn").query(String.class).list();
        assertThat(mails).anySatisfy(body -> assertThat(body).contains("120.000 đ").contains("Phí thẩm định bổ sung")
                .contains(LocalDate.now(VietnamTime.ZONE).plusDays(5).format(
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        assertThat(dossiers.timeline(dossier.id())).extracting(Dossiers.TimelineEntry::kind)
                .contains("PAYMENT_REQUESTED");
        // The applicant's page shows it with the button.
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"payment-request\"")))
                .andExpect(content().string(containsString("120.000 đồng")))
                .andExpect(content().string(containsString("id=\"pay-online\"")));

        // Paid in the sandbox: its IPN confirms the payment and the dossier goes back to 4.
        String url = json.readTree(mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("redirectUrl").asString();
        Map<String, String> order = VnpayPaymentTest.parse(URI.create(url).getRawQuery());
        assertThat(order).containsEntry("vnp_Amount", "12000000");
        MvcResult back = sandbox(url, "pay");
        Payment paid = payments.findByOrderRef(order.get("vnp_TxnRef")).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.kind()).isEqualTo("REQUESTED");
        assertThat(paid.settledBy()).isEqualTo("IPN");
        assertThat(dossierStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(requests.open(dossier.code())).isEmpty();
        assertThat(dossiers.timeline(dossier.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsOnlyOnce("PAYMENT_CONFIRMED");

        // The e-receipt: amount in figures and words, VNPay transaction number, dossier code, demo mark.
        byte[] pdf = mvc.perform(get("/payments/" + paid.orderRef() + "/receipt.pdf")
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ").contains("THỬ NGHIỆM")
                .contains("120.000").contains("Một trăm hai mươi nghìn đồng")
                .contains("Mã giao dịch VNPay: " + paid.gatewayTxnNo()).contains("Ngân hàng: NCB")
                .contains(dossier.code()).contains("Phí thẩm định bổ sung").contains("Sở Tư pháp")
                .contains("Bộ Tài chính");
        // Officers of the agency read it too; the page and the return page link it.
        mvc.perform(get("/payments/" + paid.orderRef() + "/receipt.pdf").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk());
        mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(content().string(containsString("/payments/" + paid.orderRef() + "/receipt.pdf")));
        String location = back.getResponse().getRedirectedUrl();
        mvc.perform(VnpayPaymentTest.getQuery("/payments/vnpay/return", URI.create(location).getRawQuery())
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/payments/" + paid.orderRef() + "/receipt.pdf")));
    }

    @Test
    void theReceiptIsNotFoundForAnotherApplicantOrAnotherAgency() throws Exception {
        requests.request(dossier.code(), (vn.dvc.identity.AccountPrincipal) users.loadUserByUsername("chuyenvien.stp"),
                30_000L, "Lệ phí bổ sung", LocalDate.now(VietnamTime.ZONE).plusDays(2));
        String url = json.readTree(mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andReturn().getResponse().getContentAsString()).get("redirectUrl").asString();
        sandbox(url, "pay");
        String ref = VnpayPaymentTest.parse(URI.create(url).getRawQuery()).get("vnp_TxnRef");
        String other = "khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        mvc.perform(get("/payments/" + ref + "/receipt.pdf").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/" + ref + "/receipt.pdf").with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/" + ref + "/receipt.pdf").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk());
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        mvc.perform(requestPayment(dossier.code(), "{\"amountVnd\":0,\"reason\":\" \",\"deadline\":\"" + today(-1) + "\"}")
                        .with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isBadRequest());
        String good = "{\"amountVnd\":10000,\"reason\":\"Phí\",\"deadline\":\"" + today(1) + "\"}";
        // Another agency's officer: not found; an applicant: forbidden.
        mvc.perform(requestPayment(dossier.code(), good).with(DemoAccounts.as(users, "chuyenvien.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(requestPayment(dossier.code(), good).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isForbidden());
        assertThat(dossierStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(requests.ofDossier(dossier.code())).isEmpty();
        // Twice: the second is refused by the lifecycle (already waiting for payment).
        mvc.perform(requestPayment(dossier.code(), good).with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk());
        mvc.perform(requestPayment(dossier.code(), good).with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isConflict());
        assertThat(requests.ofDossier(dossier.code())).hasSize(1);
    }

    @Test
    void theOfficerPageHasTheRequestForm() throws Exception {
        mvc.perform(get("/reception/dossiers/" + dossier.code()).with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"payment-request-form\"")));
        mvc.perform(post("/payments/dossiers/" + dossier.code() + "/request").with(csrf())
                        .with(DemoAccounts.as(users, "chuyenvien.stp"))
                        .param("amountVnd", "abc").param("reason", "Phí").param("deadline", today(3)))
                .andExpect(status().is3xxRedirection());
        assertThat(dossierStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        mvc.perform(post("/payments/dossiers/" + dossier.code() + "/request").with(csrf())
                        .with(DemoAccounts.as(users, "chuyenvien.stp"))
                        .param("amountVnd", "45.000").param("reason", "Phí cấp thêm bản sao").param("deadline", today(3)))
                .andExpect(status().is3xxRedirection());
        assertThat(dossierStatus()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        assertThat(requests.open(dossier.code())).get().extracting(PaymentRequests.PaymentRequest::amountVnd)
                .isEqualTo(45_000L);
        mvc.perform(get("/reception/dossiers/" + dossier.code()).with(DemoAccounts.as(users, "chuyenvien.stp")))
                .andExpect(content().string(containsString("Phí cấp thêm bản sao")));
    }

    /** The tester's decision on the sandbox page (its form posted as the browser would). */
    MvcResult sandbox(String redirectUrl, String outcome) throws Exception {
        URI uri = URI.create(redirectUrl);
        MockHttpServletRequestBuilder form = post(uri.getRawPath()).with(csrf()).param("outcome", outcome);
        VnpayPaymentTest.parse(uri.getRawQuery()).forEach(form::param);
        return mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("bien-lai-", ".pdf");
        Path out = Files.createTempFile("bien-lai-", ".txt");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor()).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }
}
