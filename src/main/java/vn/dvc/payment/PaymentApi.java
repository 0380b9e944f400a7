package vn.dvc.payment;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.payment.VnpayIpn.IpnAnswer;
import vn.dvc.shared.NotFoundException;

@RestController
@Tag(name = "Thanh toán trực tuyến", description = "Thanh toán phí, lệ phí hồ sơ qua cổng VNPay")
class PaymentApi {

    record PaymentRedirect(String redirectUrl) {
    }

    private final PaymentStart start;
    private final VnpayIpn ipn;
    private final CurrentUser currentUser;

    PaymentApi(PaymentStart start, VnpayIpn ipn, CurrentUser currentUser) {
        this.start = start;
        this.ipn = ipn;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "Bắt đầu thanh toán trực tuyến phí, lệ phí của hồ sơ của mình",
            description = "Trả về địa chỉ cổng thanh toán để chuyển trình duyệt tới (redirectUrl).")
    ResponseEntity<PaymentRedirect> start(@PathVariable String code, HttpServletRequest request, Locale locale) {
        AccountPrincipal applicant = currentUser.principal().filter(p -> p.has(Role.APPLICANT))
                .orElseThrow(() -> new NotFoundException("payment.dossier-not-found", code));
        String url = start.start(code, applicant.id(), request.getRemoteAddr(),
                "en".equals(locale.getLanguage()) ? "en" : "vn");
        return ResponseEntity.created(URI.create(url)).body(new PaymentRedirect(url));
    }

    @GetMapping("/api/v1/payments/vnpay/ipn")
    @Operation(summary = "IPN của VNPay (gọi từ máy chủ cổng thanh toán)",
            description = "Trả lời {RspCode, Message} theo giao thức VNPay: 97 sai chữ ký, 01 không có đơn hàng, "
                    + "04 sai số tiền, 02 đã xác nhận, 00 thành công, 99 lỗi khác.")
    IpnAnswer ipn(@RequestParam Map<String, String> params) {
        return ipn.handle(params);
    }
}
