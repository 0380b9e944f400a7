package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/**
 * Reconciliation by VNPay's querydr, against the built-in sandbox gateway. The querydr signatures are computed
 * here independently ({@code javax.crypto.Mac} over the pipe-joined fields), never through the production signer.
 */
@IntegrationTest
@RecordApplicationEvents
class PaymentReconciliationTest {

    static final String JUSTICE = "000.00.03.H21";
    static final String[] ANSWER_FIELDS = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
        "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
        "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"};

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
    @Autowired PaymentReconciliation reconciliation;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;
    @Value("${payment.vnpay.tmn-code}") String tmnCode;
    @Value("${payment.vnpay.hash-secret}") String secret;

    String owner;
    Dossier dossier;

    @BeforeEach
    void setUp() {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc, catalogue, documents, submission);
        owner = "doisoat-" + UUID.randomUUID().toString().substring(0, 8);
        long ownerId = fixtures.applicant(owner);
        dossier = fixtures.dossier(ownerId, owner, JUSTICE, AgencyLevel.PROVINCIAL, List.of(), List.of(), null,
                List.of(), null);
        Instant now = Instant.now();
        transitions.receive(dossier.code(), JUSTICE, "tiepnhan.stp", now, now.plus(10, ChronoUnit.DAYS));
        requests.request(dossier.code(), (AccountPrincipal) users.loadUserByUsername("chuyenvien.stp"), 65_000L,
                "Phí thẩm định", LocalDate.now(VietnamTime.ZONE).plusDays(3));
    }

    String startPayment() throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("redirectUrl").asString();
    }

    MvcResult sandbox(String redirectUrl, String outcome) throws Exception {
        URI uri = URI.create(redirectUrl);
        MockHttpServletRequestBuilder form = post(uri.getRawPath()).with(csrf()).param("outcome", outcome);
        VnpayPaymentTest.parse(uri.getRawQuery()).forEach(form::param);
        return mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
    }

    /** A querydr request signed by hand: HMAC-SHA512 over the nine fields joined with '|'. */
    Map<String, String> queryRequest(String txnRef, String key) throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("vnp_RequestId", "REQ" + UUID.randomUUID().toString().substring(0, 8));
        request.put("vnp_Version", "2.1.0");
        request.put("vnp_Command", "querydr");
        request.put("vnp_TmnCode", tmnCode);
        request.put("vnp_TxnRef", txnRef);
        request.put("vnp_OrderInfo", "Kiem tra giao dich");
        request.put("vnp_TransactionDate", "20260315103000");
        request.put("vnp_CreateDate", "20260315104500");
        request.put("vnp_IpAddr", "127.0.0.1");
        String data = String.join("|", request.get("vnp_RequestId"), "2.1.0", "querydr", tmnCode, txnRef,
                "20260315103000", "20260315104500", "127.0.0.1", "Kiem tra giao dich");
        request.put("vnp_SecureHash", VnpayPaymentTest.hmacSha512Hex(key, data));
        return request;
    }

    JsonNode query(Map<String, String> request) throws Exception {
        return json.readTree(mvc.perform(post("/sandbox/vnpay/querydr").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(request)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    @Test
    void theSandboxAnswersQuerydrSignedAsVnpayDoes() throws Exception {
        String url = startPayment();
        Map<String, String> order = VnpayPaymentTest.parse(URI.create(url).getRawQuery());
        sandbox(url, "pay-no-ipn");
        JsonNode answer = query(queryRequest(order.get("vnp_TxnRef"), secret));
        assertThat(text(answer, "vnp_ResponseCode")).isEqualTo("00");
        assertThat(text(answer, "vnp_TransactionStatus")).isEqualTo("00");
        assertThat(text(answer, "vnp_Amount")).isEqualTo("6500000");
        assertThat(text(answer, "vnp_TxnRef")).isEqualTo(order.get("vnp_TxnRef"));
        List<String> values = new java.util.ArrayList<>();
        for (String field : ANSWER_FIELDS) {
            values.add(text(answer, field));
        }
        assertThat(text(answer, "vnp_SecureHash")).isEqualTo(VnpayPaymentTest.hmacSha512Hex(secret,
                String.join("|", values)));
        // A request signed with another key: 97; an order the gateway never saw: 91.
        assertThat(text(query(queryRequest(order.get("vnp_TxnRef"), "not-the-secret")), "vnp_ResponseCode"))
                .isEqualTo("97");
        assertThat(text(query(queryRequest("26010100000000", secret)), "vnp_ResponseCode")).isEqualTo("91");
        // Nothing changed: only the IPN or reconciliation settle.
        assertThat(payments.findByOrderRef(order.get("vnp_TxnRef")).orElseThrow().status())
                .isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void reconciliationSettlesAPaymentWhoseIpnNeverCameAndALateIpnIsAnswered02() throws Exception {
        String url = startPayment();
        Map<String, String> order = VnpayPaymentTest.parse(URI.create(url).getRawQuery());
        String ref = order.get("vnp_TxnRef");
        MvcResult back = sandbox(url, "pay-no-ipn");
        assertThat(payments.findByOrderRef(ref).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(dossiers.findByCode(dossier.code()).orElseThrow().status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);

        // Too recent: left alone.
        reconciliation.reconcile();
        assertThat(payments.findByOrderRef(ref).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

        jdbc.sql("update payment set created_at = created_at - interval '20 minutes' where order_ref = ?").param(ref)
                .update();
        assertThat(reconciliation.reconcile()).isGreaterThanOrEqualTo(1);
        Payment paid = payments.findByOrderRef(ref).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.settledBy()).isEqualTo("QUERYDR");
        Map<String, String> gatewayResult = VnpayPaymentTest.parse(URI.create(back.getResponse().getRedirectedUrl())
                .getRawQuery());
        assertThat(paid.gatewayTxnNo()).isEqualTo(gatewayResult.get("vnp_TransactionNo"));
        assertThat(paid.bankCode()).isEqualTo("NCB");
        assertThat(dossiers.findByCode(dossier.code()).orElseThrow().status()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(requests.open(dossier.code())).isEmpty();
        assertThat(events.stream(PaymentConfirmed.class).filter(e -> e.orderRef().equals(ref))).hasSize(1);
        assertThat(jdbc.sql("select source || ':' || rsp_code from payment_ipn where order_ref = ? order by id")
                .param(ref).query(String.class).list()).containsExactly("QUERYDR:00");

        // The IPN arrives late (the gateway retries): already confirmed, nothing changes.
        mvc.perform(VnpayPaymentTest.getQuery("/api/v1/payments/vnpay/ipn",
                        URI.create(back.getResponse().getRedirectedUrl()).getRawQuery()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.RspCode").value("02"));
        assertThat(payments.findByOrderRef(ref).orElseThrow()).isEqualTo(paid);
        assertThat(events.stream(PaymentConfirmed.class).filter(e -> e.orderRef().equals(ref))).hasSize(1);
        // A second round finds nothing to do for it.
        reconciliation.reconcile();
        assertThat(payments.findByOrderRef(ref).orElseThrow()).isEqualTo(paid);
        assertThat(dossiers.timeline(dossiers.findByCode(dossier.code()).orElseThrow().id()))
                .extracting(Dossiers.TimelineEntry::kind).containsOnlyOnce("PAYMENT_CONFIRMED");
    }
}
