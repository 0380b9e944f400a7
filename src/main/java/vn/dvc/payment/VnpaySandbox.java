package vn.dvc.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    private static final Logger LOG = LoggerFactory.getLogger(VnpaySandbox.class);

    private final Merchants merchants;
    private final Clock clock;
    private final Environment environment;
    private final boolean enabled;
    private final String ipnUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VnpaySandbox(Merchants merchants, Clock clock, Environment environment,
            @Value("${payment.vnpay.pay-url:}") String payUrl, @Value("${payment.sandbox.ipn-url:}") String ipnUrl) {
        this.merchants = merchants;
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
        if (order == null || !Map.of("pay", 1, "cancel", 1, "fail", 1).containsKey(outcome)) {
            model.addAttribute("valid", false);
            return "payment/sandbox";
        }
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
            case "pay" -> {
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
        String query = VnpaySignature.signedQuery(merchant.hashSecret(), result);
        callIpn(query, servletRequest);
        return "redirect:" + order.get("vnp_ReturnUrl") + "?" + query;
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
    private Map<String, String> signedOrder(Map<String, String> request) {
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
