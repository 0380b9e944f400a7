package vn.dvc.payment;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.payment.VnpayIpn.IpnAnswer;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

@RestController
@Tag(name = "Thanh toán trực tuyến", description = "Thanh toán phí, lệ phí hồ sơ qua cổng VNPay")
class PaymentApi {

    record PaymentRedirect(String redirectUrl) {
    }

    /** An officer's request: the amount in đồng, the reason, the last day to pay (yyyy-MM-dd, Vietnam time). */
    record PaymentRequestBody(Long amountVnd, String reason, LocalDate deadline) {
    }

    record PaymentRequestAnswer(String dossierCode, DossierStatus status, int nationalStatus, long amountVnd,
            String reason, OffsetDateTime dueAt) {
    }

    record FeeItemView(String description, long amountVnd) {
    }

    record PaymentView(String orderRef, String kind, long amountVnd, PaymentStatus status, String gatewayTxnNo,
            String bankCode, OffsetDateTime paidAt, String receiptUrl) {
    }

    /** What the dossier owes and has paid; {@code feeState} as on the dossier page. */
    record DossierPayments(String dossierCode, List<FeeItemView> fee, long feeTotalVnd, boolean feeSchedule,
            String feeState, String legalBasis, OffsetDateTime feeDueAt, FeeItemView openRequest,
            OffsetDateTime requestDueAt, boolean canPay, List<PaymentView> payments) {
    }

    private final PaymentStart start;
    private final VnpayIpn ipn;
    private final CurrentUser currentUser;
    private final PaymentRequests requests;
    private final PaymentPanels panels;
    private final Payments payments;

    PaymentApi(PaymentStart start, VnpayIpn ipn, CurrentUser currentUser, PaymentRequests requests,
            PaymentPanels panels, Payments payments) {
        this.start = start;
        this.ipn = ipn;
        this.currentUser = currentUser;
        this.requests = requests;
        this.panels = panels;
        this.payments = payments;
    }

    @GetMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "Phí, lệ phí và các khoản thanh toán của hồ sơ của mình",
            description = "Phí theo thủ tục và kênh nộp (hoặc khoản được chọn trong biểu phí), hạn nộp, yêu cầu nộp "
                    + "thêm đang chờ, các giao dịch và biên lai điện tử. Hồ sơ của người khác: 404.")
    DossierPayments list(@PathVariable String code) {
        PaymentPanels.ApplicantPanel p = panels.applicant(code);
        if (p == null) {
            throw new NotFoundException("payment.dossier-not-found", code);
        }
        return new DossierPayments(code,
                p.fee().items().stream().map(i -> new FeeItemView(i.description(), i.amountVnd())).toList(),
                p.fee().totalVnd(), p.fee().schedule(), p.feeState(), p.fee().legalBasis(), offset(p.feeDueAt()),
                p.openRequest() == null ? null : new FeeItemView(p.openRequest().reason(), p.openRequest().amountVnd()),
                offset(p.requestDueAt()), p.canPay(),
                payments.ofDossier(code).stream().map(x -> new PaymentView(x.orderRef(), x.kind(), x.amountVnd(),
                        x.status(), x.gatewayTxnNo(), x.bankCode(), x.paidAt() == null ? null
                                : x.paidAt().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                        x.status() == PaymentStatus.PAID ? PaymentReceipts.url(x.orderRef()) : null)).toList());
    }

    @ApiConflict("hồ sơ không ở tình trạng cho phép yêu cầu thanh toán")
    @PostMapping("/api/v1/dossiers/{code}/actions/request-payment")
    @Operation(summary = "Yêu cầu thực hiện nghĩa vụ tài chính (nộp thêm)",
            description = "Cán bộ của cơ quan tiếp nhận yêu cầu người nộp hồ sơ nộp thêm một khoản: "
                    + "{amountVnd, reason, deadline (yyyy-MM-dd)}. Hồ sơ chuyển sang trạng thái 6, người nộp nhận thư. "
                    + "Hồ sơ của cơ quan khác: 404; không phải cán bộ: 403; trạng thái không cho phép: 409; "
                    + "nội dung sai: 400.")
    PaymentRequestAnswer requestPayment(@PathVariable String code,
            @RequestBody(required = false) PaymentRequestBody body) {
        AccountPrincipal officer = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        PaymentRequestBody b = body == null ? new PaymentRequestBody(null, null, null) : body;
        Dossier d = requests.request(code, officer, b.amountVnd(), b.reason(), b.deadline());
        PaymentRequests.PaymentRequest r = requests.open(code).orElseThrow();
        return new PaymentRequestAnswer(d.code(), d.status(), d.status().national(), r.amountVnd(), r.reason(),
                r.dueAt().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    private static OffsetDateTime offset(java.time.ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime();
    }

    @ApiResponse(responseCode = "201", description = "giao dịch đã tạo: redirectUrl là trang thanh toán (header Location)")
    @ApiConflict("hồ sơ không chờ thanh toán")
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
