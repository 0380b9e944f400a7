package vn.dvc.dossier;

import static vn.dvc.dossier.LookupApi.time;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.DossierLifecycle.Action;
import vn.dvc.dossier.DossierSubmission.Submission;
import vn.dvc.dossier.DossierSubmission.Submitted;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;

@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Hồ sơ của người nộp", description = "Nộp hồ sơ trực tuyến và theo dõi hồ sơ của mình")
class DossierApi {

    record SubmittedAnswer(String dossierCode, DossierStatus status, int nationalStatus, OffsetDateTime submittedAt) {
    }

    record DossierItem(String dossierCode, String procedureCode, String procedureName, String agencyCode,
            DossierStatus status, int nationalStatus, OffsetDateTime submittedAt, OffsetDateTime dueAt) {
    }

    record DossierPage(List<DossierItem> items, long total, int page, int size) {
    }

    record DocumentView(long id, String componentName, Integer componentNumber, String kind, OffsetDateTime addedAt) {
    }

    record TimelineView(OffsetDateTime at, String kind, Integer fromStatus, Integer toStatus, String message) {
    }

    /** {@code itemForms[i]}: whether item {@code i} is asked as the original, a certified copy or a photocopy
     * (null when not said). */
    record SupplementView(long id, int number, OffsetDateTime requestedAt, List<String> items,
            List<OriginalOrCopy> itemForms, String reason, OffsetDateTime answeredAt) {
    }

    record DossierView(String dossierCode, String procedureCode, String procedureName, long procedureVersionId,
            String agencyCode, String channel, DossierStatus status, int nationalStatus, boolean onBehalf,
            String representedName, JsonNode form, OffsetDateTime submittedAt, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, OffsetDateTime finishedAt, OffsetDateTime returnedAt, List<DocumentView> documents,
            List<TimelineView> timeline, List<SupplementView> supplements, Set<Action> allowedActions) {
    }

    /** What the Idempotency-Key header means (IETF draft "The Idempotency-Key HTTP Header Field"). */
    static final String IDEMPOTENCY_KEY = "Header Idempotency-Key (không bắt buộc, tối đa 100 ký tự, riêng "
            + "cho từng người nộp): gửi lại đúng yêu cầu với cùng khoá (ví dụ khi mất câu trả lời) không tạo hồ sơ thứ "
            + "hai mà trả 200 với hồ sơ đã tạo, kể cả khi hai yêu cầu đến cùng lúc. Yêu cầu được coi là giống nhau "
            + "khi cùng thủ tục, cơ quan tiếp nhận, kênh, trường hợp, người được đại diện, cùng nội dung tờ khai "
            + "(không kể khoảng trắng và thứ tự các khoá JSON) và cùng tệp đính kèm theo từng thành phần (so nội dung "
            + "tệp bằng SHA-256, không so tên tệp). Dùng lại khoá cho một yêu cầu khác bị từ chối với 422 "
            + "(code idempotency-key-reused) và không tạo gì.";
    static final String KEY_REUSED = "Idempotency-Key đã dùng cho một yêu cầu khác (code idempotency-key-reused); "
            + "không tạo hồ sơ nào";

    private final DossierSubmission submission;
    private final Dossiers dossiers;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final DossierSupplements supplements;
    private final DossierTransitions transitions;

    DossierApi(DossierSubmission submission, Dossiers dossiers, CurrentUser currentUser, JsonMapper json,
            DossierSupplements supplements, DossierTransitions transitions) {
        this.supplements = supplements;
        this.transitions = transitions;
        this.submission = submission;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nộp hồ sơ", description = "multipart: procedureCode, agencyCode (khi có nhiều nơi tiếp nhận), "
            + "caseIndex (trường hợp, từ 0), form (JSON), tệp đính kèm ở các phần tên component.<số thứ tự thành phần, "
            + "từ 1>; người nộp thay ghi representedName, representedId, authorisation. " + IDEMPOTENCY_KEY)
    @ApiResponse(responseCode = "201", description = "hồ sơ mới (header Location: địa chỉ của hồ sơ)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedAnswer.class)))
    @ApiResponse(responseCode = "200", description = "gửi lại cùng Idempotency-Key: hồ sơ đã tạo trước đó",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedAnswer.class)))
    @ApiConflict("tài khoản chưa xác minh địa chỉ e-mail")
    @ApiResponse(responseCode = "400", description = "dữ liệu không hợp lệ (errors: từng trường)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = KEY_REUSED, content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<SubmittedAnswer> submit(@RequestParam String procedureCode,
            @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false, defaultValue = "0") int caseIndex,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String representedName,
            @RequestParam(required = false) String representedId,
            @RequestParam(required = false) String authorisation,
            @Parameter(description = "khoá chống nộp trùng, tối đa 100 ký tự, riêng cho mỗi hồ sơ mới (ví dụ một UUID)")
            @RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey, MultipartHttpServletRequest request) {
        AccountPrincipal applicant = applicant();
        Representation representation = representedName == null && representedId == null && authorisation == null
                ? null : new Representation(representedName, representedId, authorisation);
        Submitted result = submission.submit(new Submission(applicant.id(), applicant.getUsername(), procedureCode,
                agencyCode, caseIndex, form, List.of(), representation, idempotencyKey), uploads(request));
        Dossier d = result.dossier();
        SubmittedAnswer answer = new SubmittedAnswer(d.code(), d.status(), d.status().national(),
                time(d.submittedAt()));
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/dossiers/" + d.code())).body(answer);
    }

    @GetMapping("/mine")
    @Operation(summary = "Hồ sơ của tôi", description = "Mới nhất trước; page từ 0, size tối đa 100.")
    DossierPage mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        AccountPrincipal applicant = applicant();
        PageResult<Dossier> result = dossiers.mine(applicant.id(), PageResult.clampPage(page),
                PageResult.clampSize(size));
        return new DossierPage(result.items().stream().map(d -> new DossierItem(d.code(), d.procedureCode(),
                d.procedureName(), d.agencyCode(), d.status(), d.status().national(), time(d.submittedAt()),
                time(d.dueAt()))).toList(), result.total(), result.page(), result.size());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Chi tiết hồ sơ", description = "Chỉ hồ sơ của chính người nộp; hồ sơ khác: 404.")
    DossierView detail(@PathVariable String code) {
        AccountPrincipal applicant = applicant();
        Dossier d = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        return new DossierView(d.code(), d.procedureCode(), d.procedureName(), d.procedureVersionId(), d.agencyCode(),
                d.channel().name(), d.status(), d.status().national(), d.onBehalf(),
                d.onBehalf() ? d.representation().representedName() : null, json.readTree(d.formJson()),
                time(d.submittedAt()), time(d.receivedAt()), time(d.dueAt()), time(d.finishedAt()),
                time(d.returnedAt()),
                dossiers.applicantDocuments(d).stream().map(doc -> new DocumentView(doc.id(), doc.componentName(),
                        doc.componentIndex() == null ? null : doc.componentIndex() + 1, doc.kind(),
                        time(doc.addedAt()))).toList(),
                dossiers.timeline(d.id()).stream().map(t -> new TimelineView(time(t.occurredAt()), t.kind(),
                        t.from() == null ? null : t.from().national(), t.to() == null ? null : t.to().national(),
                        t.message())).toList(),
                dossiers.supplements(d.id()).stream().map(s -> new SupplementView(s.id(), s.number(),
                        time(s.requestedAt()), s.items(), s.itemForms(), s.reason(), time(s.answeredAt()))).toList(),
                DossierLifecycle.allowed(d.status()).contains(Action.WITHDRAW) ? Set.of(Action.WITHDRAW) : Set.of());
    }

    @ApiConflict("hồ sơ không chờ bổ sung")
    @PostMapping(path = "/{code}/supplements/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Gửi bổ sung hồ sơ", description = "multipart: tệp ở các phần tên item.<số thứ tự mục được yêu cầu, "
            + "từ 1>, ghi chú note; hồ sơ trở lại trạng thái trước khi yêu cầu bổ sung.")
    SubmittedAnswer supplement(@PathVariable String code, @PathVariable long id,
            @RequestParam(required = false) String note, MultipartHttpServletRequest request) {
        AccountPrincipal applicant = applicant();
        List<DossierSubmission.Upload> uploads = new java.util.ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            java.util.regex.Matcher m = ITEM_PART.matcher(name);
            if (!m.matches()) {
                throw new vn.dvc.shared.InvalidInputException("dossier.file.part-name-item", name);
            }
            files.forEach(f -> uploads.add(new DossierSubmission.Upload(Integer.parseInt(m.group(1)) - 1,
                    f.getOriginalFilename(), f)));
        });
        Dossier d = supplements.answer(code, applicant.id(), applicant.getUsername(), id, uploads, note);
        return new SubmittedAnswer(d.code(), d.status(), d.status().national(), time(d.submittedAt()));
    }

    /** The applicant's reason for withdrawing, optional. */
    record WithdrawalRequest(String reason) {
    }

    @ApiConflict("trạng thái hồ sơ không còn cho phép rút")
    @PostMapping(path = "/{code}/withdraw")
    @Operation(summary = "Rút hồ sơ", description = "Người nộp rút hồ sơ của chính mình (trạng thái 7) khi trạng thái còn "
            + "cho phép (xem allowedActions của chi tiết hồ sơ); không hoàn tác được, mã hồ sơ được giữ và không dùng lại. "
            + "Thân JSON tùy chọn {\"reason\": \"...\"} (tối đa 500 ký tự). Hồ sơ của người khác: 404; trạng thái không "
            + "cho phép rút: 409.")
    SubmittedAnswer withdraw(@PathVariable String code,
            @org.springframework.web.bind.annotation.RequestBody(required = false) WithdrawalRequest body) {
        AccountPrincipal applicant = applicant();
        Dossier owned = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        Dossier d = transitions.withdraw(owned.code(), applicant.id(), applicant.getUsername(),
                body == null ? null : body.reason());
        return new SubmittedAnswer(d.code(), d.status(), d.status().national(), time(d.submittedAt()));
    }

    private static final java.util.regex.Pattern ITEM_PART = java.util.regex.Pattern.compile("item\\.(\\d{1,3})");

    private static final java.util.regex.Pattern COMPONENT_PART = java.util.regex.Pattern.compile("component\\.(\\d{1,3})");

    /** File parts named {@code component.<n>} (n from 1), several per component allowed. */
    static List<DossierSubmission.Upload> uploads(MultipartHttpServletRequest request) {
        List<DossierSubmission.Upload> uploads = new java.util.ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            java.util.regex.Matcher m = COMPONENT_PART.matcher(name);
            if (!m.matches()) {
                throw new vn.dvc.shared.InvalidInputException("dossier.file.part-name", name);
            }
            for (org.springframework.web.multipart.MultipartFile file : files) {
                uploads.add(new DossierSubmission.Upload(Integer.parseInt(m.group(1)) - 1, file.getOriginalFilename(),
                        file));
            }
        });
        return uploads;
    }

    private AccountPrincipal applicant() {
        return Applicant.of(currentUser);
    }
}
