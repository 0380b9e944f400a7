package vn.dvc.planning;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The plan's workflow for scripts: agency administrators register their agency's procedures, the
 * provincial coordinator opens the year, consolidates, rejects, approves and publishes. A step that
 * the plan's status does not allow answers 409 with a problem saying which status it needs.
 */
@RestController
@RequestMapping("/api/v1/admin/plans")
@Tag(name = "Quản trị kế hoạch mức độ 4", description = "Đăng ký, tổng hợp, phê duyệt và công bố kế hoạch năm")
class PlanningAdminApi {

    private final Planning planning;
    private final Plans plans;
    private final CurrentUser user;

    PlanningAdminApi(Planning planning, Plans plans, CurrentUser user) {
        this.planning = planning;
        this.plans = plans;
        this.user = user;
    }

    record PlanOpenRequest(Integer year, LocalDate registrationDeadline) {
    }

    record PlanDeadlineRequest(LocalDate registrationDeadline) {
    }

    record PlanRegistrationRequest(String procedureCode, String kind, Long estimatedBudgetVnd, String owner, String note) {
    }

    record PlanRejectionRequest(String reason) {
    }

    /** An entry as the administrator sees it, with the system's proposal. */
    record PlanEntryView(long id, int year, String agencyCode, String procedureCode, String procedureName, BuildKind kind,
            long estimatedBudgetVnd, String owner, String note, EntryStatus status, boolean centrallyProvided,
            boolean proposedForRejection, String rejectionReason, String decidedBy, java.time.Instant decidedAt,
            String registeredBy, java.time.Instant registeredAt) {

        static PlanEntryView of(PlanEntry e) {
            return new PlanEntryView(e.id(), e.year(), e.agencyCode(), e.procedureCode(), e.procedureName(), e.kind(),
                    e.estimatedBudgetVnd(), e.owner(), e.note(), e.status(), e.centrallyProvided(),
                    e.proposedForRejection(), e.rejectionReason(), e.decidedBy(), e.decidedAt(), e.registeredBy(),
                    e.registeredAt());
        }
    }

    @ApiResponse(responseCode = "201", description = "kế hoạch mới (header Location)")
    @ApiConflict("kế hoạch của năm này đã có")
    @PostMapping
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Mở đăng ký kế hoạch năm", description = "Điều phối viên cấp tỉnh; hạn đăng ký là ngày "
            + "cuối cùng (giờ Việt Nam) các cơ quan được đăng ký.")
    ResponseEntity<Plan> open(@RequestBody PlanOpenRequest request) {
        if (request.year() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "validation.required")));
        }
        Plan plan = planning.open(request.year(), request.registrationDeadline(), user.actor());
        return ResponseEntity.created(URI.create("/api/v1/admin/plans/" + plan.year())).body(plan);
    }

    @GetMapping("/{year}")
    @Operation(summary = "Trạng thái kế hoạch năm")
    Plan plan(@PathVariable int year) {
        return plans.find(year).orElseThrow(() -> new NotFoundException("planning.error.plan-not-found",
                String.valueOf(year)));
    }

    @ApiConflict("kế hoạch không còn ở tình trạng cho phép")
    @PutMapping("/{year}/deadline")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Đổi hạn đăng ký", description = "Chỉ khi kế hoạch đang nhận đăng ký.")
    Plan deadline(@PathVariable int year, @RequestBody PlanDeadlineRequest request) {
        return planning.changeDeadline(year, request.registrationDeadline(), user.actor());
    }

    @GetMapping("/{year}/entries")
    @Operation(summary = "Danh mục đã đăng ký", description = "Quản trị cơ quan chỉ thấy danh mục của cơ quan mình; "
            + "điều phối viên thấy tất cả, kèm đề xuất từ chối các thủ tục đã do Trung ương cung cấp.")
    List<PlanEntryView> entries(@PathVariable int year) {
        plan(year);
        return plans.entries(year, user.scope()).stream().map(PlanEntryView::of).toList();
    }

    @ApiResponse(responseCode = "201", description = "đăng ký mới (header Location)")
    @ApiConflict("hết hạn đăng ký hoặc kế hoạch không còn nhận đăng ký")
    @PostMapping("/{year}/entries")
    @PreAuthorize("hasRole('AGENCY_ADMIN')")
    @Operation(summary = "Đăng ký một thủ tục", description = "Quản trị cơ quan đăng ký thủ tục của cơ quan mình sẽ "
            + "đưa lên mức độ 4 trong năm: kind NEW_BUILD hoặc UPGRADE (từ mức độ 3), kinh phí dự kiến (đồng), "
            + "người hoặc đơn vị chủ trì. Chỉ trước hạn đăng ký.")
    ResponseEntity<PlanEntryView> register(@PathVariable int year, @RequestBody PlanRegistrationRequest request) {
        PlanEntry entry = planning.register(year, agencyCode(), new Planning.Registration(request.procedureCode(),
                kind(request.kind()), request.estimatedBudgetVnd(), request.owner(), request.note()), user.scope(),
                user.actor());
        return ResponseEntity.created(URI.create("/api/v1/admin/plans/" + year + "/entries/" + entry.id()))
                .body(PlanEntryView.of(entry));
    }

    @ApiResponse(responseCode = "204", description = "đã xoá")
    @ApiConflict("đăng ký đã được quyết định hoặc hết hạn")
    @DeleteMapping("/{year}/entries/{id}")
    @PreAuthorize("hasRole('AGENCY_ADMIN')")
    @Operation(summary = "Rút một thủ tục đã đăng ký", description = "Chỉ thủ tục của cơ quan mình, trước hạn.")
    ResponseEntity<Void> withdraw(@PathVariable int year, @PathVariable long id) {
        planning.withdraw(year, id, user.scope(), user.actor());
        return ResponseEntity.noContent().build();
    }

    @ApiConflict("đăng ký đã được quyết định")
    @PostMapping("/{year}/entries/{id}/reject")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Từ chối một thủ tục", description = "Khi kế hoạch đang tổng hợp; bắt buộc có lý do.")
    PlanEntryView reject(@PathVariable int year, @PathVariable long id, @RequestBody PlanRejectionRequest request) {
        return PlanEntryView.of(planning.reject(year, id, request.reason(), user.actor()));
    }

    @ApiConflict("kế hoạch không ở tình trạng cho phép thao tác này")
    @PostMapping("/{year}/actions/{action}")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Chuyển bước kế hoạch", description = "consolidate (tổng hợp), approve (phê duyệt các thủ tục "
            + "không bị từ chối), publish (công bố).")
    Plan act(@PathVariable int year, @PathVariable String action) {
        return switch (action) {
            case "consolidate" -> planning.consolidate(year, user.actor());
            case "approve" -> planning.approve(year, user.actor());
            case "publish" -> planning.publish(year, user.actor());
            default -> throw new NotFoundException("planning.error.action-unknown", action);
        };
    }

    @GetMapping("/{year}/audit")
    @PreAuthorize("hasRole('PROVINCIAL_COORDINATOR')")
    @Operation(summary = "Nhật ký kế hoạch", description = "Ai đã làm gì, khi nào.")
    List<PlanAuditEntry> audit(@PathVariable int year) {
        plan(year);
        return plans.audit(year);
    }

    private String agencyCode() {
        return user.principal().map(AccountPrincipal::agencyCode).orElse(null);
    }

    static BuildKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BuildKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("kind", "planning.error.kind")));
        }
    }
}
