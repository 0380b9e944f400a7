package vn.dvc.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

@RestController
@Tag(name = "Nhật ký kiểm toán", description = "Nhật ký chống sửa đổi (chuỗi băm SHA-256), chỉ quản trị hệ thống")
class AuditApi {

    record EntryView(long sequence, OffsetDateTime occurredAt, String actor, String action, String subject,
            String agencyCode, String details, String hash) {
    }

    record EntryPage(List<EntryView> items, long total, int page, int size) {
    }

    private final AuditVerification verification;
    private final AuditEntries entries;

    AuditApi(AuditVerification verification, AuditEntries entries) {
        this.verification = verification;
        this.entries = entries;
    }

    @GetMapping("/api/v1/admin/audit/verify")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Kiểm tra toàn vẹn nhật ký", description = "ok và số mục đã kiểm tra, hoặc số thứ tự của mục "
            + "đầu tiên bị sửa, xóa hoặc mất cùng lý do (MISSING_ENTRY, BROKEN_LINK, CHANGED_ENTRY, MISSING_TAIL).")
    AuditVerification.Result verify() {
        return verification.verify();
    }

    @GetMapping("/api/v1/admin/audit/entries")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Các mục nhật ký", description = "Mới nhất trước; subject: lọc theo đối tượng (ví dụ mã hồ sơ).")
    EntryPage list(@RequestParam(required = false) String subject, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult<AuditEntry> result = entries.page(subject, PageResult.clampPage(page), PageResult.clampSize(size));
        return new EntryPage(result.items().stream().map(AuditApi::view).toList(), result.total(), result.page(),
                result.size());
    }

    static EntryView view(AuditEntry e) {
        return new EntryView(e.sequence(), e.occurredAt().atZone(VietnamTime.ZONE).toOffsetDateTime(), e.actor(),
                e.action(), e.subject(), e.agencyCode(), e.details(), e.hash());
    }
}
