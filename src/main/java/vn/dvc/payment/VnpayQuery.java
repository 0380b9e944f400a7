package vn.dvc.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * VNPay's transaction query ({@code vnp_Command=querydr}, merchant API, version 2.1.0): a JSON POST to
 * {@code payment.vnpay.api-url} (VNPay: {@code …/merchant_webapi/api/transaction}). The request is signed over
 * {@code vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode|vnp_TxnRef|vnp_TransactionDate|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo},
 * the answer over {@code vnp_ResponseId|vnp_Command|vnp_ResponseCode|vnp_Message|vnp_TmnCode|vnp_TxnRef|vnp_Amount|
 * vnp_BankCode|vnp_PayDate|vnp_TransactionNo|vnp_TransactionType|vnp_TransactionStatus|vnp_OrderInfo|
 * vnp_PromotionCode|vnp_PromotionAmount}, both HMAC-SHA512 with the merchant secret. {@code vnp_ResponseCode} is
 * the query's result (00 found, 91 not found, 97 bad signature, 99 other); {@code vnp_TransactionStatus} the
 * transaction's (00 paid, 01 not finished, 02 failed, …). While the built-in sandbox plays the gateway and no
 * API address is set, the sandbox on this server answers.
 */
@Component
class VnpayQuery {

    static final String[] REQUEST_FIELDS = {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
        "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"};
    static final String[] ANSWER_FIELDS = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
        "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
        "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"};

    private static final Logger LOG = LoggerFactory.getLogger(VnpayQuery.class);

    private final Merchants merchants;
    private final JsonMapper json;
    private final Clock clock;
    private final Environment environment;
    private final String apiUrl;
    private final boolean sandbox;
    private final String serverIp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VnpayQuery(Merchants merchants, JsonMapper json, Clock clock, Environment environment,
            @Value("${payment.vnpay.api-url:}") String apiUrl, @Value("${payment.vnpay.pay-url:}") String payUrl,
            @Value("${payment.vnpay.server-ip:127.0.0.1}") String serverIp) {
        this.merchants = merchants;
        this.json = json;
        this.clock = clock;
        this.environment = environment;
        this.apiUrl = apiUrl;
        this.sandbox = payUrl.isBlank();
        this.serverIp = serverIp;
    }

    /** The values of a message in the order of these fields. */
    static String[] values(Map<String, String> message, String[] fields) {
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = message.get(fields[i]);
        }
        return values;
    }

    /**
     * The gateway's signed answer about this payment; empty when it cannot be asked (no API address, network
     * error) or when the answer's signature is wrong (then it is ignored and logged).
     */
    Optional<Map<String, String>> query(Payment payment) {
        String url = url();
        if (url == null) {
            return Optional.empty();
        }
        Merchants.Merchant merchant = merchants.forAgency(payment.agencyCode());
        if (!merchant.tmnCode().equals(payment.tmnCode())) {
            merchant = merchants.byTmnCode(payment.tmnCode()).orElse(null);
            if (merchant == null) {
                return Optional.empty();
            }
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("vnp_RequestId", UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        request.put("vnp_Version", "2.1.0");
        request.put("vnp_Command", "querydr");
        request.put("vnp_TmnCode", payment.tmnCode());
        request.put("vnp_TxnRef", payment.orderRef());
        request.put("vnp_OrderInfo", "Truy van giao dich " + payment.orderRef());
        request.put("vnp_TransactionDate", VnpayGateway.VNPAY_TIME.format(payment.createdAt()));
        request.put("vnp_CreateDate", VnpayGateway.VNPAY_TIME.format(clock.instant()));
        request.put("vnp_IpAddr", serverIp);
        request.put("vnp_SecureHash", VnpaySignature.signFields(merchant.hashSecret(), values(request, REQUEST_FIELDS)));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> raw = json.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
            Map<String, String> answer = new LinkedHashMap<>();
            raw.forEach((k, v) -> answer.put(k, v == null ? null : String.valueOf(v)));
            if (!VnpaySignature.verifyFields(merchant.hashSecret(), answer.get("vnp_SecureHash"),
                    values(answer, ANSWER_FIELDS))) {
                LOG.warn("querydr answer for order {} has a wrong signature; ignored", payment.orderRef());
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("querydr for order {} failed: {}", payment.orderRef(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String url() {
        if (!apiUrl.isBlank()) {
            return apiUrl;
        }
        String port = environment.getProperty("local.server.port");
        if (!sandbox || port == null) {
            return null;
        }
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "")
                + VnpaySandbox.QUERY_PATH;
    }
}
