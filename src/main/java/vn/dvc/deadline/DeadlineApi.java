package vn.dvc.deadline;

import java.time.OffsetDateTime;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.dossier.Dossier;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.reception.Reception;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.VietnamTime;

@RestController
@Tag(name = "Thời hạn và trả kết quả", description = "Trả kết quả, phiếu xin lỗi và hẹn lại (mẫu 04), sổ theo dõi "
        + "hồ sơ (mẫu 06); chỉ hồ sơ của cơ quan của cán bộ")
class DeadlineApi {

    /** How to return a result: {@code method} ONLINE, COUNTER or POST; by post {@code address} and
     * {@code trackingNumber}. */
    record ReturnRequest(String method, String address, String trackingNumber) {
    }

    /** A postal delivery's new status: SENT, DELIVERED or RETURNED_TO_SENDER. */
    record DeliveryUpdate(String status) {
    }

    /** The apology: the reason and the new return date ({@code yyyy-MM-dd}). */
    record ApologyRequest(String reason, String newDueDate) {
    }

    record DeliveryView(String dossierCode, int nationalStatus, ReturnMethod method, String address,
            String trackingNumber, PostalStatus postalStatus, OffsetDateTime returnedAt, OffsetDateTime statusUpdatedAt) {
    }

    record ApologyView(String dossierCode, String reason, OffsetDateTime originalDueAt, OffsetDateTime newDueAt,
            OffsetDateTime issuedAt, String pdfUrl) {
    }

    private final ResultReturn results;
    private final Apologies apologies;
    private final TrackingBook book;
    private final DeadlineForms forms;
    private final Reception reception;
    private final CurrentUser currentUser;

    DeadlineApi(ResultReturn results, Apologies apologies, TrackingBook book, DeadlineForms forms, Reception reception,
            CurrentUser currentUser) {
        this.results = results;
        this.apologies = apologies;
        this.book = book;
        this.forms = forms;
        this.reception = reception;
        this.currentUser = currentUser;
    }

    @ApiConflict("hồ sơ chưa có kết quả để trả")
    @PostMapping({"/api/v1/dossiers/{code}/actions/return-result", "/api/v1/dossiers/{code}/actions/return"})
    @Operation(summary = "Trả kết quả", description = "Cán bộ tiếp nhận trả kết quả hồ sơ đã xử lý xong (trạng thái 9 → 10): "
            + "method ONLINE (người nộp tải về), COUNTER (tại bộ phận một cửa) hoặc POST (bưu chính: address và "
            + "trackingNumber bắt buộc). Hồ sơ của cơ quan khác: 404; chưa xử lý xong: 409; dữ liệu sai: 400.")
    DeliveryView returnResult(@PathVariable String code, @RequestBody(required = false) ReturnRequest body) {
        ReturnRequest request = body == null ? new ReturnRequest(null, null, null) : body;
        AccountPrincipal officer = officer();
        Delivery delivery = results.returnResult(code, officer, request.method(), request.address(),
                request.trackingNumber());
        return view(reception.find(code, officer), delivery);
    }

    @ApiConflict("hồ sơ không gửi kết quả qua bưu chính")
    @PostMapping("/api/v1/dossiers/{code}/delivery")
    @Operation(summary = "Cập nhật tình trạng chuyển phát", description = "status: SENT, DELIVERED hoặc "
            + "RETURNED_TO_SENDER, cho kết quả đã gửi qua bưu chính (khác: 409).")
    DeliveryView updateDelivery(@PathVariable String code, @RequestBody(required = false) DeliveryUpdate body) {
        AccountPrincipal officer = officer();
        Delivery delivery = results.updatePostalStatus(code, officer, body == null ? null : body.status());
        return view(reception.find(code, officer), delivery);
    }

    @ApiConflict("hồ sơ chưa quá hạn hoặc đã có thư xin lỗi")
    @PostMapping("/api/v1/dossiers/{code}/actions/apologise")
    @Operation(summary = "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)", description = "Một lần cho mỗi hồ sơ "
            + "(lần hai: 409): reason và newDueDate (yyyy-MM-dd, ngày làm việc sau hạn giải quyết hiện tại). Gửi thư "
            + "cho người nộp; hạn ban đầu vẫn được giữ để thống kê.")
    ApologyView apologise(@PathVariable String code, @RequestBody(required = false) ApologyRequest body) {
        ApologyRequest request = body == null ? new ApologyRequest(null, null) : body;
        Apology a = apologies.issue(code, officer(), request.reason(), request.newDueDate());
        return new ApologyView(code, a.reason(), time(a.originalDueAt()), time(a.newDueAt()), time(a.issuedAt()),
                "/reception/dossiers/" + code + "/apology.pdf");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "tệp PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/reception/tracking-book.pdf")
    @Operation(summary = "Sổ theo dõi hồ sơ (mẫu 06), PDF A4 ngang", description = "Hồ sơ cơ quan của cán bộ tiếp "
            + "nhận trong khoảng from..to (yyyy-MM-dd, tối đa 366 ngày).")
    ResponseEntity<byte[]> bookPdf(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String agency = Reception.officerAgency(officer());
        TrackingBook.Period period = TrackingBook.period(from, to);
        return file(forms.bookPdf(agency, period, book.lines(agency, period)), MediaType.APPLICATION_PDF,
                name(period) + ".pdf");
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "tệp XLSX",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/reception/tracking-book.xlsx")
    @Operation(summary = "Sổ theo dõi hồ sơ (mẫu 06), XLSX", description = "Như bản PDF, dạng bảng tính.")
    ResponseEntity<byte[]> bookXlsx(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String agency = Reception.officerAgency(officer());
        TrackingBook.Period period = TrackingBook.period(from, to);
        return file(forms.bookXlsx(agency, period, book.lines(agency, period)),
                MediaType.parseMediaType(DeadlineForms.XLSX_TYPE), name(period) + ".xlsx");
    }

    static String name(TrackingBook.Period period) {
        return "so-theo-doi-ho-so-" + period.from() + "-" + period.to();
    }

    static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    private static DeliveryView view(Dossier d, Delivery delivery) {
        return new DeliveryView(d.code(), d.status().national(), delivery.method(), delivery.address(),
                delivery.trackingNumber(), delivery.postalStatus(), time(delivery.returnedAt()),
                time(delivery.statusUpdatedAt()));
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Reception.officerAgency(principal);
        return principal;
    }

    static OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
