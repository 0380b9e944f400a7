package vn.dvc.payment;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.dvc.shared.VietnamTime;

/** VNPay's pay request (RULES.md §8): a GET to the gateway with the signed order parameters. */
@Component
class VnpayGateway implements PaymentGateway {

    static final DateTimeFormatter VNPAY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(VietnamTime.ZONE);

    private final Merchants merchants;
    private final String payUrl;
    private final String returnUrl;
    private final String orderType;

    VnpayGateway(Merchants merchants, @Value("${app.public-url}") String publicUrl,
            @Value("${payment.vnpay.pay-url:}") String payUrl, @Value("${payment.vnpay.order-type}") String orderType) {
        this.merchants = merchants;
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        // Without a gateway address, the built-in sandbox of this application plays the gateway.
        this.payUrl = payUrl.isBlank() ? base + VnpaySandbox.PATH : payUrl;
        this.returnUrl = base + PaymentPages.RETURN_PATH;
        this.orderType = orderType;
    }

    @Override
    public String redirectUrl(Order order) {
        Merchants.Merchant merchant = merchants.forAgency(order.agencyCode());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_Version", "2.1.0");
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", merchant.tmnCode());
        params.put("vnp_Amount", Long.toString(Math.multiplyExact(order.amountVnd(), 100L)));
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", order.orderRef());
        params.put("vnp_OrderInfo", order.orderInfo());
        params.put("vnp_OrderType", orderType);
        params.put("vnp_Locale", order.locale());
        params.put("vnp_ReturnUrl", returnUrl);
        params.put("vnp_IpAddr", order.clientIp());
        params.put("vnp_CreateDate", VNPAY_TIME.format(order.createdAt()));
        params.put("vnp_ExpireDate", VNPAY_TIME.format(order.expiresAt()));
        return payUrl + "?" + VnpaySignature.signedQuery(merchant.hashSecret(), params);
    }
}
