package vn.dvc.planning;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.dvc.identity.CurrentUser;
import vn.dvc.planning.PlanTracking.TrackingReport;
import vn.dvc.planning.PlanViews.PlanSummary;
import vn.dvc.planning.PlanViews.PlanView;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/** The public plan API of CONTRACT.md, and the coordinator's import of a plan document as written. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Kế hoạch mức độ 4", description = "Kế hoạch cung cấp dịch vụ công trực tuyến mức độ 4 theo năm")
class PlanningApi {

    private final PlanViews views;
    private final PlanChecks checks;
    private final PlanTracking tracking;
    private final PlanImport imports;
    private final CurrentUser user;

    PlanningApi(PlanViews views, PlanChecks checks, PlanTracking tracking, PlanImport imports, CurrentUser user) {
        this.views = views;
        this.checks = checks;
        this.tracking = tracking;
        this.imports = imports;
        this.user = user;
    }

    @GetMapping
    @Operation(summary = "Các năm có kế hoạch", description = "Trạng thái đăng ký của từng năm và các văn bản kế "
            + "hoạch áp dụng cho năm đó, năm mới nhất trước.")
    List<PlanSummary> years() {
        return views.years();
    }

    @GetMapping("/{year}")
    @Operation(summary = "Kế hoạch tổng hợp của một năm", description = "Các dịch vụ đã được phê duyệt của kế "
            + "hoạch đã công bố, theo cấp và cơ quan; các văn bản kế hoạch của năm với số liệu như đã ghi bên cạnh "
            + "số tính lại. Danh mục chưa công bố không hiện ở đây.")
    PlanView plan(@PathVariable int year) {
        return views.view(year).orElseThrow(() -> notFound(year));
    }

    @GetMapping("/{year}/checks")
    @Operation(summary = "Kiểm tra số liệu của kế hoạch", description = "Mọi số liệu không khớp: expected là số "
            + "ghi trong kế hoạch, actual là số tính từ các thành phần; danh sách rỗng khi mọi số đều khớp.")
    List<PlanCheck> checks(@PathVariable int year) {
        views.view(year).orElseThrow(() -> notFound(year));
        return checks.checks(year, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{year}/tracking")
    @Operation(summary = "Theo dõi thực hiện kế hoạch", description = "Dịch vụ mức độ 4 đang cung cấp so với kế "
            + "hoạch và chỉ tiêu, theo tỉnh, cấp và cơ quan, với tỷ lệ bao phủ (dịch vụ mức độ 4 / tổng số thủ tục).")
    TrackingReport tracking(@PathVariable int year) {
        return tracking.track(year).orElseThrow(() -> notFound(year));
    }

    /** What an import stored, and what in it does not add up. */
    record PlanImportResult(String reference, int firstYear, int lastYear, List<PlanCheck> checks) {
    }

    @ApiResponse(responseCode = "201", description = "kế hoạch đã nhập (header Location: địa chỉ của kế hoạch)")
    @ApiConflict("kế hoạch của năm này đã có")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Nhập văn bản kế hoạch", description = "Tệp CSV hoặc XLSX theo docs/plan-import-format.md, "
            + "giữ nguyên số liệu như đã ghi. Tệp có lỗi: trả lỗi theo dòng và cột, không lưu gì. Chỉ điều phối "
            + "viên cấp tỉnh.")
    ResponseEntity<PlanImportResult> importDocument(@RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("file", "planning.import.error.no-file")));
        }
        PlanDocument document = imports.importFile(fileName(file), file.getBytes(), user.actor());
        List<PlanCheck> found = PlanArithmetic.of(document.content()).discrepancies().stream()
                .map(c -> checks.describe(document.reference(), c, LocaleContextHolder.getLocale())).toList();
        return ResponseEntity.created(URI.create("/api/v1/plans/" + document.content().firstYear()))
                .body(new PlanImportResult(document.reference(), document.content().firstYear(),
                        document.content().lastYear(), found));
    }

    static NotFoundException notFound(int year) {
        return new NotFoundException("planning.error.year-not-found", String.valueOf(year));
    }

    /** The name as the browser gave it, without any folder (some browsers send the full path). */
    static String fileName(MultipartFile file) {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
