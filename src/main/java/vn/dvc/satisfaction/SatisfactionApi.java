package vn.dvc.satisfaction;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.organisation.Agencies;
import vn.dvc.satisfaction.SatisfactionRatings.RatingInput;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.VietnamTime;

/** The applicant's rating of a dossier, and the public satisfaction figures. */
@RestController
@Tag(name = "Đánh giá mức độ hài lòng", description = "Người nộp đánh giá việc giải quyết hồ sơ; số liệu công khai")
class SatisfactionApi {

    /** A rating as posted: rating NOT_SATISFIED, SATISFIED or VERY_SATISFIED; indicators 0–2 by name. */
    record RatingRequest(String rating, String comment, Map<String, Object> indicators) {
    }

    record RatingView(String dossierCode, Rating rating, String comment, Map<String, Integer> indicators,
            int indicatorTotal, OffsetDateTime ratedAt) {

        static RatingView of(SatisfactionRating r) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            r.scores().forEach((indicator, score) -> scores.put(indicator.field(), score));
            return new RatingView(r.dossierCode(), r.rating(), r.comment(), scores, r.indicatorTotal(),
                    r.ratedAt().atZone(VietnamTime.ZONE).toOffsetDateTime());
        }
    }

    /** Whether the dossier was rated, and whether it can be now. */
    record RatingStatus(String dossierCode, boolean rated, boolean rateable, RatingView rating) {
    }

    /** The figures of a period: the total and one row per agency (or per procedure of one agency). */
    record SatisfactionReport(LocalDate from, LocalDate to, String agencyCode, SatisfactionFigures total,
            List<SatisfactionFigures> rows) {
    }

    private final SatisfactionRatings ratings;
    private final SatisfactionStatistics statistics;
    private final CurrentUser currentUser;
    private final Agencies agencies;
    private final Clock clock;

    SatisfactionApi(SatisfactionRatings ratings, SatisfactionStatistics statistics, CurrentUser currentUser,
            Agencies agencies, Clock clock) {
        this.ratings = ratings;
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "đánh giá đã ghi")
    @ApiConflict("hồ sơ chưa trả kết quả hoặc đã được đánh giá")
    @PostMapping("/api/v1/dossiers/{code}/rating")
    @Operation(summary = "Đánh giá việc giải quyết hồ sơ",
            description = "Chỉ người nộp hồ sơ, một lần, sau khi đã trả kết quả (trạng thái 10). rating: NOT_SATISFIED, "
                    + "SATISFIED, VERY_SATISFIED; comment tối đa 1000 ký tự; indicators: điểm 0–2 của các tiêu chí "
                    + "Thông tư 01/2018 (totalTime, agencyTime, contacts, agenciesContacted, counterReception, "
                    + "disclosure, staffAttitude, feedbackHandling, onlineService), tiêu chí không áp dụng thì bỏ qua. "
                    + "Hồ sơ của người khác: 404; chưa trả kết quả hoặc đã đánh giá: 409.")
    ResponseEntity<RatingView> rate(@PathVariable String code, @RequestBody RatingRequest request) {
        AccountPrincipal applicant = applicant();
        Map<String, String> indicators = new LinkedHashMap<>();
        if (request.indicators() != null) {
            request.indicators().forEach((k, v) -> indicators.put(k, v == null ? "" : String.valueOf(v)));
        }
        SatisfactionRating rating = ratings.rate(code, applicant.id(),
                new RatingInput(request.rating(), request.comment(), indicators));
        return ResponseEntity.status(HttpStatus.CREATED).body(RatingView.of(rating));
    }

    @GetMapping("/api/v1/dossiers/{code}/rating")
    @Operation(summary = "Đánh giá của hồ sơ", description = "Chỉ người nộp hồ sơ; hồ sơ của người khác: 404.")
    RatingStatus rating(@PathVariable String code) {
        AccountPrincipal applicant = applicant();
        return ratings.find(code, applicant.id())
                .map(r -> new RatingStatus(r.dossierCode(), true, false, RatingView.of(r)))
                .orElseGet(() -> new RatingStatus(code.strip(), false, ratings.rateableNow(code, applicant.id()), null));
    }

    @GetMapping("/api/v1/statistics/satisfaction")
    @Operation(summary = "Mức độ hài lòng theo cơ quan (hoặc theo thủ tục của một cơ quan) trong một khoảng thời gian",
            description = "Theo ngày đánh giá (giờ Việt Nam). satisfactionRatio = (hài lòng + rất hài lòng) / số đánh "
                    + "giá; indicatorAverages: điểm trung bình (0–2) của mỗi tiêu chí trên các đánh giá có chấm tiêu chí đó.")
    SatisfactionReport report(
            @Parameter(description = "mã cơ quan: các thủ tục của cơ quan đó; bỏ trống: các cơ quan")
            @RequestParam(required = false) String agency,
            @Parameter(description = "từ ngày (YYYY-MM-DD), mặc định ngày đầu năm") @RequestParam(required = false)
            String from,
            @Parameter(description = "đến ngày, tính cả ngày đó; mặc định hôm nay") @RequestParam(required = false)
            String to) {
        SatisfactionPeriod p = SatisfactionPeriod.parse(from, to, agency, clock, agencies);
        return report(p);
    }

    @ApiResponse(responseCode = "200", description = "tệp CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/statistics/satisfaction.csv")
    @Operation(summary = "Mức độ hài lòng theo cơ quan (hoặc thủ tục), dạng CSV (UTF-8 có BOM)")
    void csv(@RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        SatisfactionReport report = report(SatisfactionPeriod.parse(from, to, agency, clock, agencies));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"muc-do-hai-long.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        List<String> headers = new ArrayList<>(List.of("agencyCode", "agencyName", "procedureCode", "procedureName",
                "from", "to", "ratings", "notSatisfied", "satisfied", "verySatisfied", "satisfactionRatio"));
        for (Indicator i : Indicator.values()) {
            headers.add(i.field());
        }
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (SatisfactionFigures f : report.rows()) {
                List<Object> values = new ArrayList<>(List.of(f.agencyCode(), f.agencyName(),
                        f.procedureCode() == null ? "" : f.procedureCode(),
                        f.procedureName() == null ? "" : f.procedureName(), report.from(), report.to(), f.ratings(),
                        f.notSatisfied(), f.satisfied(), f.verySatisfied()));
                values.add(f.satisfactionRatio() == null ? "" : f.satisfactionRatio());
                f.indicatorAverages().values().forEach(v -> values.add(v == null ? "" : v));
                printer.printRecord(values);
            }
        }
    }

    private SatisfactionReport report(SatisfactionPeriod p) {
        List<SatisfactionFigures> rows = p.agency() == null ? statistics.byAgency(p.from(), p.to())
                : statistics.byProcedure(p.agency(), p.from(), p.to());
        return new SatisfactionReport(p.from(), p.to(), p.agency(), statistics.total(p.agency(), p.from(), p.to()),
                rows);
    }

    private AccountPrincipal applicant() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        if (!principal.has(Role.APPLICANT)) {
            throw new AccessDeniedException("not an applicant");
        }
        return principal;
    }
}
