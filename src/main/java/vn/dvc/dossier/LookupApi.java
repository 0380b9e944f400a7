package vn.dvc.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

@RestController
@RequestMapping("/api/v1/lookup")
@Tag(name = "Tra cứu hồ sơ", description = "Tra cứu công khai tình trạng hồ sơ theo mã (không có dữ liệu cá nhân)")
class LookupApi {

    /** What the public may know of a dossier: no personal data, no form contents. */
    record LookupAnswer(String dossierCode, String procedureCode, String procedureName, String agencyCode,
            String agencyName, DossierStatus status, int nationalStatus, OffsetDateTime submittedAt,
            OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime finishedAt, OffsetDateTime returnedAt) {
    }

    private final DossierLookup lookup;
    private final LookupThrottle throttle;

    LookupApi(DossierLookup lookup, LookupThrottle throttle) {
        this.lookup = lookup;
        this.throttle = throttle;
    }

    @GetMapping("/{code}")
    @Operation(summary = "Tra cứu hồ sơ", description = "Tình trạng và các mốc thời gian; 404 nếu không có mã này; "
            + "giới hạn số lần tra cứu mỗi phút cho mỗi địa chỉ (429).")
    @ApiResponse(responseCode = "200", description = "tình trạng hồ sơ, không có thông tin cá nhân",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LookupAnswer.class)))
    @ApiResponse(responseCode = "404", description = "không có hồ sơ với mã này",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "tra cứu quá nhiều lần; header Retry-After: số giây phải chờ",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<LookupAnswer> lookup(@PathVariable String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!throttle.tryAcquire(client)) {
            throw new TooManyLookupsException(throttle.secondsUntilNextWindow(client));
        }
        DossierLookup.Found f = lookup.find(code).orElseThrow(() -> new NotFoundException("dossier.lookup.not-found"));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new LookupAnswer(f.dossierCode(), f.procedureCode(), f.procedureName(), f.agencyCode(),
                        f.agencyName(), f.status(), f.status().national(), time(f.submittedAt()), time(f.receivedAt()),
                        time(f.dueAt()), time(f.finishedAt()), time(f.returnedAt())));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, VietnamTime.ZONE);
    }
}
