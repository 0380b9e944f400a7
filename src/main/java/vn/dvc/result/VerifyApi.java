package vn.dvc.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.dvc.result.ResultVerification.Outcome;
import vn.dvc.result.ResultVerification.Verdict;
import vn.dvc.result.ResultViews.PublicResult;
import vn.dvc.result.ResultViews.SignatureView;
import vn.dvc.shared.ApiAnswersUnknownCodes;
import vn.dvc.shared.InvalidInputException;

@RestController
@Tag(name = "Xác thực kết quả điện tử", description = "Công khai: kiểm tra một kết quả theo mã hoặc theo tệp PDF")
class VerifyApi {

    /** By code: GENUINE (we issued a result with this code) or UNKNOWN. */
    record CodeAnswer(String resultCode, Verdict verdict, PublicResult result) {
    }

    /** By file: GENUINE, MODIFIED or UNKNOWN, the result it is or claims to be, and its signatures. */
    record FileAnswer(Verdict verdict, PublicResult result, String sha256, List<SignatureView> signatures) {
    }

    private final ResultVerification verification;
    private final VerifyThrottle throttle;

    VerifyApi(ResultVerification verification, VerifyThrottle throttle) {
        this.verification = verification;
        this.throttle = throttle;
    }

    @ApiResponse(responseCode = "200",
            description = "GENUINE hoặc UNKNOWN (một mã không có: UNKNOWN, không phải 404)")
    @ApiResponse(responseCode = "429", description = "too-many-requests: xác thực quá nhiều lần trong một phút")
    @ApiAnswersUnknownCodes
    @GetMapping("/api/v1/verify/{resultCode}")
    @Operation(summary = "Xác thực theo mã kết quả", description = "GENUINE nếu cơ quan đã cấp kết quả có mã này, "
            + "UNKNOWN nếu không; giới hạn số lần mỗi phút cho mỗi địa chỉ (429).")
    ResponseEntity<CodeAnswer> byCode(@PathVariable String resultCode, HttpServletRequest request) {
        throttle.check(request.getRemoteAddr());
        CodeAnswer answer = verification.byCode(resultCode)
                .map(r -> new CodeAnswer(r.resultCode(), Verdict.GENUINE, ResultViews.publicView(r)))
                .orElseGet(() -> new CodeAnswer(resultCode, Verdict.UNKNOWN, null));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer);
    }

    @ApiResponse(responseCode = "200", description = "GENUINE, MODIFIED hoặc UNKNOWN")
    @ApiResponse(responseCode = "429", description = "too-many-requests: xác thực quá nhiều lần trong một phút")
    @PostMapping(path = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Xác thực tệp PDF kết quả", description = "multipart: file. GENUINE: đúng tệp cơ quan đã "
            + "cấp, chữ ký hợp lệ và bao toàn bộ tệp; MODIFIED: tệp của hệ thống nhưng đã bị sửa hoặc thêm nội dung "
            + "sau khi ký; UNKNOWN: một tệp PDF không phải kết quả do hệ thống cấp. Tệp không phải PDF (theo nội dung): "
            + "400 invalid-input, không lưu tệp.")
    ResponseEntity<FileAnswer> byFile(@RequestParam(required = false) MultipartFile file, HttpServletRequest request) {
        throttle.check(request.getRemoteAddr());
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("result.verify.file-required");
        }
        Outcome outcome;
        try {
            outcome = verification.verify(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (outcome.notPdf()) {
            throw new InvalidInputException("result.verify.not-pdf");
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer(outcome));
    }

    static FileAnswer answer(Outcome outcome) {
        return new FileAnswer(outcome.verdict(),
                outcome.result() == null ? null : ResultViews.publicView(outcome.result()), outcome.report().sha256(),
                outcome.report().signatures().stream().map(ResultViews::signature).toList());
    }
}
