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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A test gateway built in for the embedded default: it speaks VNPay's protocol so the whole payment flow
 * works offline. Its page shows the order and lets the tester pay, cancel (24) or fail; it then sends a
 * signed IPN to this application's IPN endpoint over HTTP and redirects the browser to the order's
 * {@code vnp_ReturnUrl}. It is off as soon as a real gateway address ({@code payment.vnpay.pay-url}) is set:
 * it signs with the merchant secret, so it must never run beside a real merchant account.
 */
@Controller
class VnpaySandbox {

    static final String PATH = "/sandbox/vnpay/pay";
    static final String QUERY_PATH = "/sandbox/vnpay/querydr";

    private static final Logger LOG = LoggerFactory.getLogger(VnpaySandbox.class);

    private final Merchants merchants;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment environment;
    private final boolean enabled;
    private final String ipnUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VnpaySandbox(Merchants merchants, JdbcClient jdbc, Clock clock, Environment environment,
            @Value("${payment.vnpay.pay-url:}") String payUrl, @Value("${payment.sandbox.ipn-url:}") String ipnUrl) {
        this.merchants = merchants;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.enabled = payUrl.isBlank();
        this.ipnUrl = ipnUrl;
    }

    @GetMapping(PATH)
    String order(@RequestParam Map<String, String> request, Model model) {
        Map<String, String> params = signedOrder(request);
        model.addAttribute("valid", params != null);
        if (params != null) {
            model.addAttribute("params", params);
            model.addAttribute("amount", Long.parseLong(params.getOrDefault("vnp_Amount", "0")) / 100);
        }
        return "payment/sandbox";
    }

    @PostMapping(PATH)
    String decide(@RequestParam Map<String, String> request, @RequestParam String outcome,
            HttpServletRequest servletRequest, Model model) {
        Map<String, String> order = signedOrder(request);
        if (order == null || !Map.of("pay", 1, "pay-no-ipn", 1, "cancel", 1, "fail", 1).containsKey(outcome)) {
            model.addAttribute("valid", false);
            return "payment/sandbox";
        }
        String query = answer(order, outcome);
        if (!"pay-no-ipn".equals(outcome)) { // "pay-no-ipn": paid, but the IPN is lost (for reconciliation)
            callIpn(query, servletRequest);
        }
        return "redirect:" + order.get("vnp_ReturnUrl") + "?" + query;
    }

    /**
     * The gateway's decision on a signed order: pay (also "pay-no-ipn"), cancel (24) or fail (51); recorded for
     * querydr and answered as the signed query the gateway sends to the IPN and the return address.
     */
    String answer(Map<String, String> order, String outcome) {
        Merchants.Merchant merchant = merchants.byTmnCode(order.get("vnp_TmnCode")).orElseThrow();
        Map<String, String> result = new TreeMap<>();
        result.put("vnp_TmnCode", order.get("vnp_TmnCode"));
        result.put("vnp_Amount", order.get("vnp_Amount"));
        result.put("vnp_TxnRef", order.get("vnp_TxnRef"));
        result.put("vnp_OrderInfo", order.get("vnp_OrderInfo"));
        result.put("vnp_BankCode", "NCB");
        result.put("vnp_CardType", "ATM");
        result.put("vnp_PayDate", VnpayGateway.VNPAY_TIME.format(clock.instant()));
        switch (outcome) {
            case "pay", "pay-no-ipn" -> {
                String number = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L));
                result.put("vnp_TransactionNo", number);
                result.put("vnp_BankTranNo", "VNP" + number);
                result.put("vnp_ResponseCode", "00");
                result.put("vnp_TransactionStatus", "00");
            }
            case "cancel" -> {
                result.put("vnp_TransactionNo", "0");
                result.put("vnp_ResponseCode", "24");
                result.put("vnp_TransactionStatus", "02");
            }
            default -> {
                result.put("vnp_TransactionNo", "0");
                result.put("vnp_ResponseCode", "51"); // insufficient balance
                result.put("vnp_TransactionStatus", "02");
            }
        }
        remember(result);
        return VnpaySignature.signedQuery(merchant.hashSecret(), result);
    }

    /** The gateway's own record of the transaction, which querydr reads. */
    private void remember(Map<String, String> result) {
        jdbc.sql("""
                insert into payment_sandbox_txn(tmn_code, txn_ref, amount, order_info, transaction_no, bank_code,
                                                pay_date, response_code, transaction_status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tmn_code, txn_ref) do nothing""")
                .params(result.get("vnp_TmnCode"), result.get("vnp_TxnRef"), result.get("vnp_Amount"),
                        result.get("vnp_OrderInfo"), result.get("vnp_TransactionNo"), result.get("vnp_BankCode"),
                        result.get("vnp_PayDate"), result.get("vnp_ResponseCode"), result.get("vnp_TransactionStatus"))
                .update();
    }

    /**
     * VNPay's transaction query (querydr, {@link VnpayQuery}): a signed JSON request, a signed JSON answer. A
     * transaction the tester never decided is not found (91); a bad request signature is answered 97.
     */
    @PostMapping(value = QUERY_PATH, produces = "application/json")
    @ResponseBody
    Map<String, String> query(@RequestBody Map<String, Object> body) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> request = new TreeMap<>();
        body.forEach((k, v) -> request.put(k, v == null ? null : String.valueOf(v)));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vnp_ResponseId", UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        answer.put("vnp_Command", "querydr");
        answer.put("vnp_TmnCode", request.get("vnp_TmnCode"));
        answer.put("vnp_TxnRef", request.get("vnp_TxnRef"));
        Optional<Merchants.Merchant> merchant = merchants.byTmnCode(request.get("vnp_TmnCode"));
        if (merchant.isEmpty() || !"querydr".equals(request.get("vnp_Command"))
                || !VnpaySignature.verifyFields(merchant.get().hashSecret(), request.get("vnp_SecureHash"),
                        VnpayQuery.values(request, VnpayQuery.REQUEST_FIELDS))) {
            answer.put("vnp_ResponseCode", "97");
            answer.put("vnp_Message", "Invalid checksum");
            return answer; // unsigned: the merchant cannot be trusted to hold the secret
        }
        Optional<Map<String, String>> txn = jdbc.sql("""
                select amount, order_info, transaction_no, bank_code, pay_date, transaction_status
                from payment_sandbox_txn where tmn_code = ? and txn_ref = ?""")
                .params(request.get("vnp_TmnCode"), request.get("vnp_TxnRef"))
                .query((rs, row) -> Map.of("vnp_Amount", rs.getString("amount"),
                        "vnp_OrderInfo", rs.getString("order_info"), "vnp_TransactionNo", rs.getString("transaction_no"),
                        "vnp_BankCode", rs.getString("bank_code"), "vnp_PayDate", rs.getString("pay_date"),
                        "vnp_TransactionStatus", rs.getString("transaction_status")))
                .optional();
        if (txn.isPresent()) {
            answer.put("vnp_ResponseCode", "00");
            answer.put("vnp_Message", "QueryDR Success");
            answer.putAll(txn.get());
            answer.put("vnp_TransactionType", "01");
        } else {
            answer.put("vnp_ResponseCode", "91");
            answer.put("vnp_Message", "Transaction not found");
        }
        answer.put("vnp_SecureHash", VnpaySignature.signFields(merchant.get().hashSecret(),
                VnpayQuery.values(answer, VnpayQuery.ANSWER_FIELDS)));
        return answer;
    }

    /** The gateway's server-to-server call; its failure leaves the order PENDING, as with the real gateway. */
    private void callIpn(String query, HttpServletRequest request) {
        String url = (ipnUrl.isBlank() ? "http://localhost:" + environment.getProperty("local.server.port")
                + request.getContextPath() + "/api/v1/payments/vnpay/ipn" : ipnUrl) + "?" + query;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            LOG.info("Sandbox IPN answered {} {}", response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            LOG.warn("Sandbox IPN call to {} failed: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The order's vnp_ parameters when the sandbox is on and they carry a valid signature; else null. */
    Map<String, String> signedOrder(Map<String, String> request) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> params = new TreeMap<>();
        request.forEach((name, value) -> {
            if (name.startsWith("vnp_")) {
                params.put(name, value);
            }
        });
        boolean valid = merchants.byTmnCode(params.get("vnp_TmnCode"))
                .map(m -> VnpaySignature.verify(m.hashSecret(), params)).orElse(false);
        return valid && params.get("vnp_ReturnUrl") != null ? params : null;
    }
}
