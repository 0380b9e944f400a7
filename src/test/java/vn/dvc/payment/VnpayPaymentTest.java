package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.Dossiers;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;

/**
 * The VNPay flow end to end. Signatures are computed here with {@code javax.crypto.Mac} over query
 * strings built by hand, never through the production signer.
 */
@IntegrationTest
@RecordApplicationEvents
class VnpayPaymentTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired Agencies agencies;
    @Autowired Payments payments;
    @Autowired Dossiers dossiers;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;
    @Value("${payment.vnpay.tmn-code}") String tmnCode;
    @Value("${payment.vnpay.hash-secret}") String secret;

    PaymentFixtures fixtures;
    String owner;
    long ownerId;
    String agencyCode;
    Dossier dossier;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(jdbc, catalogue, documents, submission);
        owner = "tra-tien-" + UUID.randomUUID().toString().substring(0, 8);
        ownerId = fixtures.applicant(owner);
        List<Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        agencyCode = communes.get(communes.size() - 7).code();
        dossier = fixtures.dossier(ownerId, owner, agencyCode, 50_000);
    }

    // --- independent VNPay signing, as a gateway would do it

    static String hmacSha512Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    static String handBuiltQuery(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String signed(String key, Map<String, String> params) throws Exception {
        String query = handBuiltQuery(params);
        return query + "&vnp_SecureHash=" + hmacSha512Hex(key, query);
    }

    static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    String startPayment() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("redirectUrl").asString();
    }

    Map<String, String> orderOf(String redirectUrl) {
        return parse(URI.create(redirectUrl).getRawQuery());
    }

    Map<String, String> gatewayResult(Map<String, String> order, String responseCode, String transactionStatus) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("vnp_TmnCode", order.get("vnp_TmnCode"));
        result.put("vnp_Amount", order.get("vnp_Amount"));
        result.put("vnp_TxnRef", order.get("vnp_TxnRef"));
        result.put("vnp_OrderInfo", order.get("vnp_OrderInfo"));
        result.put("vnp_BankCode", "NCB");
        result.put("vnp_PayDate", "20260315103000");
        result.put("vnp_ResponseCode", responseCode);
        result.put("vnp_TransactionStatus", transactionStatus);
        result.put("vnp_TransactionNo", "14123456");
        return result;
    }

    /**
     * A GET on this path and query. MockMvc does not read {@code +} as a space in a query (a servlet
     * container does), so spaces travel as {@code %20}; the signature still covers the {@code +} form.
     */
    static MockHttpServletRequestBuilder getQuery(String path, String query) {
        return get(URI.create(path + "?" + query.replace("+", "%20")));
    }

    MockHttpServletRequestBuilder ipn(String query) {
        return getQuery("/api/v1/payments/vnpay/ipn", query);
    }

    void expectIpn(String query, String rspCode) throws Exception {
        mvc.perform(ipn(query)).andExpect(status().isOk()).andExpect(jsonPath("$.RspCode").value(rspCode))
                .andExpect(jsonPath("$.Message").isNotEmpty());
    }

    Payment payment(Map<String, String> order) {
        return payments.findByOrderRef(order.get("vnp_TxnRef")).orElseThrow();
    }

    List<String> auditedCodes(String orderRef) {
        return jdbc.sql("select rsp_code from payment_ipn where order_ref = ? order by id").param(orderRef)
                .query(String.class).list();
    }

    // --- the redirect

    @Test
    void theRedirectCarriesTheOrderSignedWithTheMerchantSecret() throws Exception {
        String url = startPayment();
        assertThat(url).contains("/sandbox/vnpay/pay?");
        String query = URI.create(url).getRawQuery();
        int hashAt = query.indexOf("&vnp_SecureHash=");
        String covered = query.substring(0, hashAt);
        assertThat(query.substring(hashAt + "&vnp_SecureHash=".length())).isEqualTo(hmacSha512Hex(secret, covered));
        Map<String, String> order = parse(query);
        assertThat(covered).isEqualTo(handBuiltQuery(order.entrySet().stream()
                .filter(e -> !e.getKey().equals("vnp_SecureHash"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertThat(order).containsEntry("vnp_Version", "2.1.0").containsEntry("vnp_Command", "pay")
                .containsEntry("vnp_TmnCode", tmnCode).containsEntry("vnp_Amount", "5000000")
                .containsEntry("vnp_CurrCode", "VND").containsEntry("vnp_Locale", "vn")
                .containsKeys("vnp_OrderInfo", "vnp_OrderType", "vnp_ReturnUrl", "vnp_IpAddr");
        assertThat(covered).contains("vnp_OrderInfo=Thanh+toan+phi+le+phi+ho+so+" + dossier.code());
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        LocalDateTime created = LocalDateTime.parse(order.get("vnp_CreateDate"), format);
        LocalDateTime expires = LocalDateTime.parse(order.get("vnp_ExpireDate"), format);
        assertThat(ChronoUnit.MINUTES.between(created, expires)).isEqualTo(15);
        assertThat(ChronoUnit.MINUTES.between(created, LocalDateTime.now(VIETNAM))).isBetween(0L, 5L);
        assertThat(order.get("vnp_TxnRef")).startsWith(order.get("vnp_CreateDate").substring(2, 8)).hasSize(14);
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment(order).amountVnd()).isEqualTo(50_000);
        assertThat(payment(order).dossierCode()).isEqualTo(dossier.code());
        // Each start is a new order with its own reference.
        assertThat(orderOf(startPayment()).get("vnp_TxnRef")).isNotEqualTo(order.get("vnp_TxnRef"));
    }

    @Test
    void anotherApplicantCannotStartAPaymentForTheDossier() throws Exception {
        String other = "khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(payments.ofDossier(dossier.code())).isEmpty();
    }

    @Test
    void aDossierWithoutFeeHasNothingToPay() throws Exception {
        Dossier free = fixtures.dossier(ownerId, owner, agencyCode, 0);
        mvc.perform(post("/api/v1/dossiers/" + free.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Hồ sơ " + free.code()
                        + " không có phí, lệ phí phải thanh toán trực tuyến."));
        assertThat(payments.ofDossier(free.code())).isEmpty();
    }

    // --- the IPN, in the order of RULES.md §8

    @Test
    void aForgedSignatureIsRefusedWith97AndChangesNothing() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        expectIpn(signed("not-the-secret", gatewayResult(order, "00", "00")), "97");
        String tampered = signed(secret, gatewayResult(order, "00", "00")).replace("vnp_Amount=5000000",
                "vnp_Amount=100");
        expectIpn(tampered, "97");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(auditedCodes(order.get("vnp_TxnRef"))).containsExactly("97", "97");
    }

    @Test
    void anUnknownOrderIsAnswered01() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        Map<String, String> result = gatewayResult(order, "00", "00");
        result.put("vnp_TxnRef", "000000" + order.get("vnp_TxnRef").substring(6) + "9");
        expectIpn(signed(secret, result), "01");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(auditedCodes(result.get("vnp_TxnRef"))).containsExactly("01");
    }

    @Test
    void aWrongAmountIsAnswered04AndChangesNothing() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        Map<String, String> result = gatewayResult(order, "00", "00");
        result.put("vnp_Amount", "500000");
        expectIpn(signed(secret, result), "04");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(auditedCodes(order.get("vnp_TxnRef"))).containsExactly("04");
    }

    @Test
    void aSuccessfulTransactionIsConfirmedOnceAndAReplayAnswers02() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        String query = signed(secret, gatewayResult(order, "00", "00"));
        expectIpn(query, "00");
        Payment paid = payment(order);
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.gatewayTxnNo()).isEqualTo("14123456");
        assertThat(paid.bankCode()).isEqualTo("NCB");
        assertThat(paid.paidAt()).isEqualTo(LocalDateTime.of(2026, 3, 15, 10, 30).atZone(VIETNAM).toInstant());
        assertThat(events.stream(PaymentConfirmed.class)).containsExactly(
                new PaymentConfirmed(dossier.code(), order.get("vnp_TxnRef"), 50_000, paid.paidAt()));

        expectIpn(query, "02");
        expectIpn(signed(secret, gatewayResult(order, "24", "02")), "02");
        assertThat(payment(order)).isEqualTo(paid);
        assertThat(events.stream(PaymentConfirmed.class)).hasSize(1);
        assertThat(auditedCodes(order.get("vnp_TxnRef"))).containsExactly("00", "02", "02");
        // The dossier's timeline records the payment once.
        assertThat(dossiers.timeline(dossier.id())).extracting(Dossiers.TimelineEntry::kind)
                .containsOnlyOnce("PAYMENT_RECEIVED");
        // Paid once: a new start is refused.
        mvc.perform(post("/api/v1/dossiers/" + dossier.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aCancelledTransactionIsRecordedAndAnswered00() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        expectIpn(signed(secret, gatewayResult(order, "24", "02")), "00");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment(order).paidAt()).isNull();
        assertThat(events.stream(PaymentConfirmed.class)).isEmpty();
    }

    @Test
    void aTransactionNotSuccessfulOnBothCodesIsFailed() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        expectIpn(signed(secret, gatewayResult(order, "00", "02")), "00");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(events.stream(PaymentConfirmed.class)).isEmpty();
    }

    @Test
    void anAgencyWithItsOwnMerchantAccountIsPaidThroughIt() throws Exception {
        String ownCode = "GL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        jdbc.sql("insert into payment_merchant(agency_code, tmn_code, hash_secret) values (?, ?, 'AGENCYSECRET')")
                .params(agencyCode, ownCode).update();
        try {
            String url = startPayment();
            String query = URI.create(url).getRawQuery();
            int hashAt = query.indexOf("&vnp_SecureHash=");
            assertThat(query.substring(hashAt + "&vnp_SecureHash=".length()))
                    .isEqualTo(hmacSha512Hex("AGENCYSECRET", query.substring(0, hashAt)));
            Map<String, String> order = orderOf(url);
            assertThat(order).containsEntry("vnp_TmnCode", ownCode);
            expectIpn(signed(secret, gatewayResult(order, "00", "00")), "97");
            expectIpn(signed("AGENCYSECRET", gatewayResult(order, "00", "00")), "00");
            assertThat(payment(order).status()).isEqualTo(PaymentStatus.PAID);
        } finally {
            jdbc.sql("delete from payment_merchant where agency_code = ?").param(agencyCode).update();
        }
    }

    // --- the return page only displays

    @Test
    void theReturnPageDisplaysTheOutcomeWithoutChangingState() throws Exception {
        Map<String, String> order = orderOf(startPayment());
        mvc.perform(getQuery("/payments/vnpay/return", signed(secret, gatewayResult(order, "00", "00"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("giao dịch thành công")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đang chờ kết quả")));
        mvc.perform(getQuery("/payments/vnpay/return", signed("forged", gatewayResult(order, "00", "00"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sai chữ ký")));
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(auditedCodes(order.get("vnp_TxnRef"))).isEmpty();
    }

    // --- the built-in sandbox gateway

    MvcResult decideInSandbox(String redirectUrl, String outcome) throws Exception {
        URI uri = URI.create(redirectUrl);
        mvc.perform(getQuery(uri.getRawPath(), uri.getRawQuery()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("THỬ NGHIỆM")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("50.000")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(dossier.code())));
        MockHttpServletRequestBuilder form = post(uri.getRawPath()).with(csrf()).param("outcome", outcome);
        parse(uri.getRawQuery()).forEach(form::param);
        return mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
    }

    @Test
    void payingInTheSandboxCallsTheIpnAndReturnsToTheMerchant() throws Exception {
        String url = startPayment();
        Map<String, String> order = orderOf(url);
        MvcResult result = decideInSandbox(url, "pay");
        assertThat(payment(order).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(auditedCodes(order.get("vnp_TxnRef"))).containsExactly("00");
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(order.get("vnp_ReturnUrl") + "?");
        String back = URI.create(location).getRawQuery();
        int hashAt = back.indexOf("&vnp_SecureHash=");
        assertThat(back.substring(hashAt + "&vnp_SecureHash=".length()))
                .isEqualTo(hmacSha512Hex(secret, back.substring(0, hashAt)));
        assertThat(parse(back)).containsEntry("vnp_ResponseCode", "00").containsEntry("vnp_TransactionStatus", "00")
                .containsEntry("vnp_TxnRef", order.get("vnp_TxnRef"));
    }

    @Test
    void cancellingInTheSandboxCancelsThePayment() throws Exception {
        String url = startPayment();
        decideInSandbox(url, "cancel");
        assertThat(payment(orderOf(url)).status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void theSandboxRefusesAnOrderWithABadSignature() throws Exception {
        String url = startPayment();
        URI uri = URI.create(url);
        String forged = uri.getRawQuery().replace("vnp_Amount=5000000", "vnp_Amount=100");
        mvc.perform(getQuery(uri.getRawPath(), forged)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sai chữ ký")));
        mvc.perform(post(uri.getRawPath()).with(csrf()).param("outcome", "pay").params(
                        org.springframework.util.MultiValueMap.fromSingleValue(parse(forged))))
                .andExpect(status().isOk());
        assertThat(payment(orderOf(url)).status()).isEqualTo(PaymentStatus.PENDING);
    }

    // --- expiry

    @Test
    void pendingOrdersPastTheirExpiryThatTheGatewayDoesNotKnowExpire() throws Exception {
        Map<String, String> overdue = orderOf(startPayment());
        Map<String, String> current = orderOf(startPayment());
        jdbc.sql("""
                update payment set expires_at = now() - interval '1 minute', created_at = now() - interval '20 minutes'
                where order_ref = ?""").param(overdue.get("vnp_TxnRef")).update();
        assertThat(reconciliation.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(payment(overdue).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(payment(overdue).settledBy()).isEqualTo("EXPIRY");
        assertThat(payment(current).status()).isEqualTo(PaymentStatus.PENDING);
    }
}
