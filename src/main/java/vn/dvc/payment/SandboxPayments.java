package vn.dvc.payment;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Pays an order at the built-in test gateway without a browser: what a tester does on the sandbox page
 * ("pay"), with the gateway's IPN delivered in the caller's thread instead of over HTTP. For the demo history
 * (ADR 0026), whose payments must go through the same IPN as real ones. Like the sandbox page it works only
 * while no real gateway is configured ({@code payment.vnpay.pay-url} empty): it signs with the merchant secret.
 */
@Service
public class SandboxPayments {

    private final VnpaySandbox sandbox;
    private final VnpayIpn ipn;
    private final boolean enabled;

    SandboxPayments(VnpaySandbox sandbox, VnpayIpn ipn, @Value("${payment.vnpay.pay-url:}") String payUrl) {
        this.sandbox = sandbox;
        this.ipn = ipn;
        this.enabled = payUrl.isBlank();
    }

    /** Whether the test gateway runs (no real gateway configured). */
    public boolean available() {
        return enabled;
    }

    /**
     * Pays the order of a gateway address that {@link PaymentStart#start} answered; true when the IPN confirmed
     * it (VNPay's answer 00).
     *
     * @throws IllegalStateException when a real gateway is configured
     * @throws IllegalArgumentException when the address is not a validly signed order
     */
    public boolean pay(String gatewayAddress) {
        if (!enabled) {
            throw new IllegalStateException("the test gateway is off: a real VNPay address is configured");
        }
        Map<String, String> order = sandbox.signedOrder(parameters(URI.create(gatewayAddress).getRawQuery()));
        if (order == null) {
            throw new IllegalArgumentException("not a signed order of this system");
        }
        String answer = sandbox.answer(order, "pay");
        return VnpayIpn.CONFIRMED.rspCode().equals(ipn.handle(parameters(answer)).rspCode());
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
