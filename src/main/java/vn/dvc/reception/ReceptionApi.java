package vn.dvc.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierLifecycle.Action;
import vn.dvc.dossier.DossierLifecycle;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.Dossiers;
import vn.dvc.dossier.OriginalOrCopy;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

@RestController
@Tag(name = "Tiếp nhận hồ sơ", description = "Hàng đợi và thao tác của cán bộ tiếp nhận (chỉ hồ sơ của cơ quan mình)")
class ReceptionApi {

    record QueueItem(String dossierCode, String procedureCode, String procedureName, String agencyCode, String channel,
            DossierStatus status, int nationalStatus, OffsetDateTime submittedAt, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, boolean overdue, boolean dueSoon) {
    }

    record QueuePage(List<QueueItem> items, long total, int page, int size) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "QueueDocumentView")
    record DocumentView(long id, String componentName, Integer componentNumber, String kind, OffsetDateTime addedAt,
            String previewUrl) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "QueueTimelineView")
    record TimelineView(OffsetDateTime at, String actor, String kind, Integer fromStatus, Integer toStatus,
            String message) {
    }

    /** {@code number}: the dossier's 1st, 2nd… request (form 02's number); {@code itemForms[i]}: the paper asked
     * for item {@code i} (ORIGINAL, CERTIFIED_COPY, PHOTOCOPY or null when not said). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "QueueSupplementView")
    record SupplementView(long id, int number, OffsetDateTime requestedAt, String requestedBy, List<String> items,
            List<OriginalOrCopy> itemForms, String reason, OffsetDateTime answeredAt) {
    }

    record OfficerDossierView(String dossierCode, String procedureCode, String procedureName, String agencyCode,
            String channel, DossierStatus status, int nationalStatus, boolean onBehalf, String representedName,
            JsonNode form, OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            List<DocumentView> documents, List<TimelineView> timeline, List<SupplementView> supplements,
            Set<String> allowedActions, String receiptUrl) {
    }

    /** The body of an action: {@code items} (with, optionally, {@code itemForms}: for each item ORIGINAL,
     * CERTIFIED_COPY, PHOTOCOPY or null) and {@code reason} to ask for a supplement, {@code reasonCode} and
     * {@code text} to refuse; {@code reason} to stop; nothing to receive. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReceptionActionRequest")
    record ActionRequest(List<String> items, List<String> itemForms, String reason, String reasonCode, String text) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReceptionActionAnswer")
    record ActionAnswer(String dossierCode, DossierStatus status, int nationalStatus, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, String receiptUrl) {
    }

    record ReasonView(String code, String label) {
    }

    private final Reception reception;
    private final Dossiers dossiers;
    private final RefusalReasons reasons;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;
    private final DueSoon dueSoon;

    ReceptionApi(Reception reception, Dossiers dossiers, RefusalReasons reasons, CurrentUser currentUser,
            JsonMapper json, Clock clock, DueSoon dueSoon) {
        this.dueSoon = dueSoon;
        this.reception = reception;
        this.dossiers = dossiers;
        this.reasons = reasons;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/queue")
    @Operation(summary = "Hàng đợi hồ sơ của cơ quan", description = "Hồ sơ của cơ quan của cán bộ, nộp trước ở trước. "
            + "status: số trạng thái (1..10), mặc định 1 (mới đăng ký) cho cán bộ tiếp nhận, 4 (đang xử lý) cho "
            + "chuyên viên và lãnh đạo; due: soon (sắp đến hạn: chưa quá hạn, đến hạn trong thời gian báo trước, mặc định "
            + "1 ngày làm việc) hoặc overdue (quá hạn); page từ 0, size tối đa 100.")
    QueuePage queue(@RequestParam(required = false) Integer status, @RequestParam(required = false) String due,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        AccountPrincipal officer = officer();
        Instant now = clock.instant();
        Instant soon = dueSoon.limit(now, officer.agencyCode());
        PageResult<Dossier> result = dossiers.atAgency(query(officer, status, due, now, soon,
                PageResult.clampPage(page), PageResult.clampSize(size)));
        return new QueuePage(result.items().stream().map(d -> item(d, now, soon)).toList(), result.total(),
                result.page(), result.size());
    }

    /** The query of a queue request: the officer's agency, a status and a due filter. */
    static Dossiers.AgencyQuery query(AccountPrincipal officer, Integer status, String due, Instant now,
            Instant soonLimit, int page, int size) {
        String agency = Reception.officerAgency(officer);
        Set<DossierStatus> statuses;
        if (status != null) {
            if (status < 1 || status > 10) {
                throw new InvalidInputException("reception.queue.filter-unknown", "status=" + status);
            }
            statuses = EnumSet.of(DossierStatus.ofNational(status));
        } else if (due != null && !due.isBlank()) {
            statuses = EnumSet.noneOf(DossierStatus.class);
        } else {
            statuses = officer.has(vn.dvc.identity.Role.RECEPTION_OFFICER) ? EnumSet.of(DossierStatus.NEWLY_SUBMITTED)
                    : EnumSet.of(DossierStatus.IN_PROGRESS);
        }
        Instant dueBefore = null;
        Instant dueNotBefore = null;
        if (due != null && !due.isBlank()) {
            dueBefore = switch (due) {
                case "soon" -> soonLimit.plusMillis(1);
                case "overdue" -> now;
                default -> throw new InvalidInputException("reception.queue.filter-unknown", "due=" + due);
            };
            dueNotBefore = "soon".equals(due) ? now : null;
        }
        return new Dossiers.AgencyQuery(agency, statuses, dueBefore, dueNotBefore, page, size);
    }

    @GetMapping("/api/v1/queue/{code}")
    @Operation(summary = "Hồ sơ trong hàng đợi", description = "Đầy đủ nội dung cho cán bộ của cơ quan tiếp nhận; "
            + "hồ sơ của cơ quan khác: 404.")
    OfficerDossierView dossier(@PathVariable String code) {
        Dossier d = reception.find(code, officer());
        return new OfficerDossierView(d.code(), d.procedureCode(), d.procedureName(), d.agencyCode(),
                d.channel().name(), d.status(), d.status().national(), d.onBehalf(),
                d.onBehalf() ? d.representation().representedName() : null, json.readTree(d.formJson()),
                time(d.submittedAt()), time(d.receivedAt()), time(d.dueAt()),
                dossiers.documents(d.id()).stream().map(doc -> new DocumentView(doc.id(), doc.componentName(),
                        doc.componentIndex() == null ? null : doc.componentIndex() + 1, doc.kind(), time(doc.addedAt()),
                        "/reception/dossiers/" + d.code() + "/documents/" + doc.id())).toList(),
                dossiers.timeline(d.id()).stream().map(t -> new TimelineView(time(t.occurredAt()), t.actor(), t.kind(),
                        t.from() == null ? null : t.from().national(), t.to() == null ? null : t.to().national(),
                        t.message())).toList(),
                dossiers.supplements(d.id()).stream().map(s -> new SupplementView(s.id(), s.number(),
                        time(s.requestedAt()), s.requestedBy(), s.items(), s.itemForms(), s.reason(),
                        time(s.answeredAt()))).toList(),
                actions(d.status()), d.receivedAt() == null ? null : receiptUrl(d));
    }

    @GetMapping("/api/v1/refusal-reasons")
    @Operation(summary = "Lý do từ chối tiếp nhận", description = "Danh sách lý do cán bộ chọn khi từ chối (mẫu 03).")
    List<ReasonView> refusalReasons() {
        officer();
        return reasons.active().stream().map(r -> new ReasonView(r.code(), r.label())).toList();
    }

    @ApiConflict("tình trạng hồ sơ không cho phép thao tác này")
    @PostMapping("/api/v1/dossiers/{code}/actions/{action}")
    @Operation(summary = "Thao tác của cán bộ tiếp nhận", description = "action: receive (không cần nội dung), "
            + "request-supplement ({items: [...], itemForms: [...], reason}: mọi giấy tờ còn thiếu trong một lần; "
            + "itemForms[i] là ORIGINAL (bản chính), CERTIFIED_COPY (bản sao có chứng thực), PHOTOCOPY (bản chụp) "
            + "hoặc null cho giấy tờ thứ i, có thể bỏ), refuse ({reasonCode, text}; lý do OTHER: text là lý do), stop ({reason}: dừng xử lý, trạng thái 8; lý do bắt buộc, "
            + "tối đa 2000 ký tự; hồ sơ đang xử lý, chờ bổ sung hoặc chờ thực hiện nghĩa vụ tài chính; cán bộ tiếp nhận hoặc "
            + "lãnh đạo). Hồ sơ của cơ quan khác: 404; vai trò không được làm thao tác này: 403; trạng thái không cho phép: 409.")
    ActionAnswer act(@PathVariable String code, @PathVariable String action,
            @RequestBody(required = false) ActionRequest body) {
        AccountPrincipal officer = officer();
        ActionRequest request = body == null ? new ActionRequest(null, null, null, null, null) : body;
        Dossier d = switch (action) {
            case "receive" -> reception.receive(code, officer);
            case "request-supplement" -> reception.requestSupplement(code, officer, request.items(),
                    request.itemForms(), request.reason());
            case "refuse" -> reception.refuse(code, officer, request.reasonCode(), request.text());
            case "stop" -> reception.stop(code, officer, request.reason());
            default -> throw new NotFoundException("reception.action.unknown", action);
        };
        return new ActionAnswer(d.code(), d.status(), d.status().national(), time(d.receivedAt()), time(d.dueAt()),
                d.receivedAt() == null ? null : receiptUrl(d));
    }

    static QueueItem item(Dossier d, Instant now, Instant soonLimit) {
        return new QueueItem(d.code(), d.procedureCode(), d.procedureName(), d.agencyCode(), d.channel().name(), d.status(),
                d.status().national(), time(d.submittedAt()), time(d.receivedAt()), time(d.dueAt()), overdue(d, now),
                dueSoon(d, now, soonLimit));
    }

    /** Not done, not yet overdue, but due within the lead time ({@link DueSoon}). */
    static boolean dueSoon(Dossier d, Instant now, Instant soonLimit) {
        return d.dueAt() != null && !d.dueAt().isBefore(now) && !d.dueAt().isAfter(soonLimit) && !d.status().closed()
                && d.status() != DossierStatus.FINISHED && d.status() != DossierStatus.STOPPED;
    }

    /** Due and not done by now (refused, withdrawn, stopped, finished and delivered dossiers are done). */
    static boolean overdue(Dossier d, Instant now) {
        return d.dueAt() != null && d.dueAt().isBefore(now) && !d.status().closed()
                && d.status() != DossierStatus.FINISHED && d.status() != DossierStatus.STOPPED;
    }

    static String receiptUrl(Dossier d) {
        return "/reception/dossiers/" + d.code() + "/receipt.pdf";
    }

    /** The reception actions the lifecycle allows in a status, as the API names them. */
    static Set<String> actions(DossierStatus status) {
        Set<String> names = new java.util.TreeSet<>();
        Set<Action> allowed = DossierLifecycle.allowed(status);
        if (allowed.contains(Action.RECEIVE)) {
            names.add("receive");
        }
        if (allowed.contains(Action.REFUSE)) {
            names.add("refuse");
        }
        if (allowed.contains(Action.REQUEST_SUPPLEMENT)) {
            names.add("request-supplement");
        }
        if (allowed.contains(Action.STOP)) {
            names.add("stop");
        }
        return names;
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Reception.officerAgency(principal);
        return principal;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
