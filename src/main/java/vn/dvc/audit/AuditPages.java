package vn.dvc.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

/** The system administrator's page of the trail: entries newest first, a subject filter, a verification. */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AuditPages {

    private final AuditEntries entries;
    private final AuditVerification verification;

    AuditPages(AuditEntries entries, AuditVerification verification) {
        this.entries = entries;
        this.verification = verification;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String subject, @RequestParam(required = false) Integer page,
            Model model) {
        String filter = subject == null ? "" : subject.strip();
        PageResult<AuditEntry> result = entries.page(filter, PageResult.clampPage(page), PageResult.DEFAULT_SIZE);
        model.addAttribute("result", result.map(e -> new Line(e.sequence(),
                e.occurredAt().atZone(VietnamTime.ZONE), e.actor(), e.action(), e.subject(), e.agencyCode(),
                e.details(), e.hash().substring(0, 16))));
        model.addAttribute("subject", filter);
        model.addAttribute("pagerBase", "/admin/audit?" + (filter.isEmpty() ? ""
                : "subject=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&"));
        return "audit/entries";
    }

    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", verification.verify());
        return "redirect:/admin/audit";
    }

    record Line(long sequence, java.time.ZonedDateTime occurredAt, String actor, String action, String subject,
            String agencyCode, String details, String hashStart) {
    }
}
