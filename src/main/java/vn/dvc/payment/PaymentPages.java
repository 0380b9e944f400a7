package vn.dvc.payment;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page the gateway sends the browser back to: it only displays, the IPN alone changes state. */
@Controller
class PaymentPages {

    static final String RETURN_PATH = "/payments/vnpay/return";

    private final Merchants merchants;
    private final Payments payments;

    PaymentPages(Merchants merchants, Payments payments) {
        this.merchants = merchants;
        this.payments = payments;
    }

    @GetMapping(RETURN_PATH)
    String returned(@RequestParam Map<String, String> params, Model model) {
        boolean valid = merchants.byTmnCode(params.get("vnp_TmnCode"))
                .map(m -> VnpaySignature.verify(m.hashSecret(), params)).orElse(false);
        model.addAttribute("valid", valid);
        if (valid) {
            String code = params.get("vnp_ResponseCode");
            boolean paid = "00".equals(code) && "00".equals(params.get("vnp_TransactionStatus"));
            model.addAttribute("outcome", paid ? "paid" : "24".equals(code) ? "cancelled" : "failed");
            model.addAttribute("payment", payments.findByOrderRef(params.getOrDefault("vnp_TxnRef", ""))
                    .filter(p -> p.tmnCode().equals(params.get("vnp_TmnCode"))).orElse(null));
        }
        return "payment/return";
    }
}
