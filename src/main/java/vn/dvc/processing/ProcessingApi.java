package vn.dvc.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

@RestController
@Tag(name = "Xử lý hồ sơ", description = "Quy trình nội bộ sau tiếp nhận: chuyển xử lý, trả lại, giao lại, phê duyệt "
        + "(chỉ hồ sơ của cơ quan mình)")
class ProcessingApi {

    record StepView(int ordinal, String name, String role, String assignee, OffsetDateTime startedAt,
            String startedBy, OffsetDateTime dueAt, OffsetDateTime endedAt, String endedBy, String outcome,
            String note, String timeliness) {
    }

    record StepsView(String dossierCode, DossierStatus status, int nationalStatus, List<StepView> steps,
            StepView currentStep, Set<String> allowedActions, String controlSheetUrl) {
    }

    /** The body of a processing action: {@code assignee} (forward: optional, reassign: required), {@code note},
     * {@code reason} (send back: required). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcessingActionRequest")
    record ActionRequest(String assignee, String note, String reason) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcessingActionAnswer")
    record ActionAnswer(String dossierCode, DossierStatus status, int nationalStatus, StepView currentStep,
            OffsetDateTime finishedAt) {
    }

    record ResultAnswer(String dossierCode, long documentId, String kind, OffsetDateTime addedAt) {
    }

    record WorkItem(String dossierCode, String procedureName, int ordinal, String stepName, String role,
            String assignee, OffsetDateTime startedAt, OffsetDateTime stepDueAt, OffsetDateTime dossierDueAt,
            boolean overdue) {
    }

    record WorkPage(List<WorkItem> items, long total, int page, int size, List<String> stepNames) {
    }

    record BulkRequest(List<String> dossierCodes, String assignee, String note) {
    }

    record BulkAnswer(int forwarded, int failed, List<BulkForward.Outcome> results) {
    }

    private final Processing processing;
    private final WorkList work;
    private final BulkForward bulk;
    private final ProcessControlSheet sheet;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProcessingApi(Processing processing, WorkList work, BulkForward bulk, ProcessControlSheet sheet,
            CurrentUser currentUser, Clock clock) {
        this.processing = processing;
        this.work = work;
        this.bulk = bulk;
        this.sheet = sheet;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dossiers/{code}/steps")
    @Operation(summary = "Các bước xử lý của hồ sơ", description = "Mọi bước: người giao, người nhận, thời điểm bắt "
            + "đầu, hạn, kết thúc, kết quả (EARLY/ON_TIME/LATE; IN_TIME/OVERDUE khi chưa xong) và thao tác được phép. "
            + "Hồ sơ của cơ quan khác: 404.")
    StepsView steps(@PathVariable String code) {
        AccountPrincipal officer = officer();
        Dossier d = processing.find(code, officer);
        Instant now = clock.instant();
        List<DossierStep> steps = processing.steps(d.id());
        DossierStep current = steps.stream().filter(DossierStep::open).findFirst().orElse(null);
        return new StepsView(d.code(), d.status(), d.status().national(),
                steps.stream().map(s -> view(s, now)).toList(), current == null ? null : view(current, now),
                processing.allowedActions(d, current, officer), "/api/v1/dossiers/" + d.code() + "/forms/05.pdf");
    }

    @ApiConflict("bước đã có người nhận hoặc hồ sơ không ở bước này")
    @PostMapping("/api/v1/dossiers/{code}/actions/take")
    @Operation(summary = "Nhận xử lý bước hiện tại", description = "Cán bộ có vai trò của bước nhận hồ sơ từ nhóm chung.")
    ActionAnswer take(@PathVariable String code) {
        AccountPrincipal officer = officer();
        processing.take(code, officer);
        return answer(code, officer);
    }

    @ApiConflict("hồ sơ không ở tình trạng cho phép thao tác này")
    @PostMapping("/api/v1/dossiers/{code}/actions/forward")
    @Operation(summary = "Chuyển xử lý sang bước tiếp theo", description = "{assignee?, note?}: assignee là tên đăng "
            + "nhập của cán bộ có vai trò của bước sau (trống: nhóm chung). Chỉ cán bộ đang giữ bước (hoặc cùng vai trò "
            + "khi bước ở nhóm chung): 403 nếu không; bước cuối phải phê duyệt: 409.")
    ActionAnswer forward(@PathVariable String code, @RequestBody(required = false) ActionRequest body) {
        AccountPrincipal officer = officer();
        ActionRequest r = body == null ? new ActionRequest(null, null, null) : body;
        processing.forward(code, officer, r.assignee(), r.note());
        return answer(code, officer);
    }

    @ApiConflict("hồ sơ không ở tình trạng cho phép thao tác này")
    @PostMapping("/api/v1/dossiers/{code}/actions/send-back")
    @Operation(summary = "Trả lại bước trước", description = "{reason}: bắt buộc. Chỉ khi quy trình cho phép trả lại "
            + "từ bước hiện tại (409 nếu không).")
    ActionAnswer sendBack(@PathVariable String code, @RequestBody(required = false) ActionRequest body) {
        AccountPrincipal officer = officer();
        processing.sendBack(code, officer, body == null ? null : body.reason());
        return answer(code, officer);
    }

    @ApiConflict("hồ sơ không ở tình trạng cho phép thao tác này")
    @PostMapping("/api/v1/dossiers/{code}/actions/reassign")
    @Operation(summary = "Giao lại cho cán bộ khác", description = "{assignee, note?}: lãnh đạo hoặc quản trị cơ quan "
            + "giao bước hiện tại cho cán bộ khác cùng vai trò và cơ quan; hạn của bước giữ nguyên.")
    ActionAnswer reassign(@PathVariable String code, @RequestBody(required = false) ActionRequest body) {
        AccountPrincipal officer = officer();
        ActionRequest r = body == null ? new ActionRequest(null, null, null) : body;
        processing.reassign(code, officer, r.assignee(), r.note());
        return answer(code, officer);
    }

    @ApiConflict("hồ sơ không ở tình trạng cho phép thao tác này hoặc chưa có kết quả")
    @PostMapping("/api/v1/dossiers/{code}/actions/approve")
    @Operation(summary = "Phê duyệt kết quả", description = "{note?}: lãnh đạo ở bước cuối phê duyệt; hồ sơ chuyển "
            + "sang 9 (đã xử lý xong). Cần có kết quả đã tải lên (409 nếu chưa).")
    ActionAnswer approve(@PathVariable String code, @RequestBody(required = false) ActionRequest body) {
        AccountPrincipal officer = officer();
        processing.approve(code, officer, body == null ? null : body.note());
        return answer(code, officer);
    }

    @ApiConflict("hồ sơ không ở tình trạng nhận tệp kết quả")
    @PostMapping(path = "/api/v1/dossiers/{code}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải lên kết quả giải quyết", description = "Tệp PDF (phần file), tối đa 20 MB, do cán bộ "
            + "đang giữ bước hiện tại tải lên; lưu là tài liệu RESULT của hồ sơ.")
    ResultAnswer result(@PathVariable String code, @RequestPart(name = "file", required = false) MultipartFile file)
            throws java.io.IOException {
        AccountPrincipal officer = officer();
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(new vn.dvc.shared.ProblemException.FieldProblem("file",
                    "processing.result.file-required")));
        }
        try (var in = file.getInputStream()) {
            Dossiers.DossierDocument doc = processing.attachResult(code, officer, file.getOriginalFilename(), in);
            return new ResultAnswer(code, doc.id(), doc.kind(), time(doc.addedAt()));
        }
    }

    @GetMapping("/api/v1/processing/work")
    @Operation(summary = "Hồ sơ cần xử lý", description = "Các hồ sơ đang xử lý (4) ở bước của cán bộ: scope=all (mặc "
            + "định: bước mình giữ và nhóm chung của vai trò mình), mine, pool, agency (lãnh đạo, quản trị: mọi bước "
            + "đang mở của cơ quan); step: tên bước; due: soon (bước sắp đến hạn) hoặc overdue (bước quá hạn); "
            + "hạn gần nhất trước.")
    WorkPage work(@RequestParam(required = false) String scope, @RequestParam(required = false) String step,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        AccountPrincipal officer = officer();
        Instant now = clock.instant();
        PageResult<WorkList.Item> result = work.list(officer, scope, step, due, PageResult.clampPage(page),
                PageResult.clampSize(size));
        return new WorkPage(result.items().stream().map(i -> new WorkItem(i.dossierCode(), i.procedureName(),
                i.step().ordinal(), i.step().name(), i.step().role().name(), i.step().assignee(),
                time(i.step().startedAt()), time(i.step().dueAt()), time(i.dossierDueAt()),
                i.step().timeliness(now) == DossierStep.Timeliness.OVERDUE)).toList(),
                result.total(), result.page(), result.size(), work.stepNames(officer));
    }

    @PostMapping("/api/v1/processing/bulk-forward")
    @Operation(summary = "Chuyển xử lý nhiều hồ sơ", description = "{dossierCodes: [...], assignee?, note?}: mỗi hồ sơ "
            + "được chuyển trong giao dịch riêng; kết quả từng hồ sơ (ok, hoặc code và detail của lỗi). Tối đa 100.")
    BulkAnswer bulkForward(@RequestBody(required = false) BulkRequest body) {
        AccountPrincipal officer = officer();
        BulkRequest r = body == null ? new BulkRequest(null, null, null) : body;
        List<BulkForward.Outcome> results = bulk.forward(r.dossierCodes(), officer, r.assignee(), r.note());
        int ok = (int) results.stream().filter(BulkForward.Outcome::ok).count();
        return new BulkAnswer(ok, results.size() - ok, results);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "tệp PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/dossiers/{code}/forms/05.pdf")
    @Operation(summary = "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)", description = "PDF khổ A5 từ các bước "
            + "đã ghi nhận: mỗi lần giao nhận với thời gian, người giao, người nhận, kết quả (trước hạn, đúng hạn, quá hạn).")
    ResponseEntity<byte[]> controlSheet(@PathVariable String code) {
        Dossier d = processing.find(code, officer());
        return pdf(sheet.pdf(d), d.code());
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String code) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("phieu-kiem-soat-" + code + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    private ActionAnswer answer(String code, AccountPrincipal officer) {
        Dossier d = processing.find(code, officer);
        Instant now = clock.instant();
        return new ActionAnswer(d.code(), d.status(), d.status().national(),
                processing.current(d.id()).map(s -> view(s, now)).orElse(null), time(d.finishedAt()));
    }

    static StepView view(DossierStep s, Instant now) {
        return new StepView(s.ordinal(), s.name(), s.role().name(), s.assignee(), time(s.startedAt()), s.startedBy(),
                time(s.dueAt()), time(s.endedAt()), s.endedBy(), s.outcome() == null ? null : s.outcome().name(),
                s.note(), s.timeliness(now).name());
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Processing.agency(principal);
        return principal;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
