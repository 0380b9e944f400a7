package vn.dvc.processing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.dossier.Dossier;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.ProblemException;
import vn.dvc.shared.VietnamTime;

/**
 * The officer's work list ("Hồ sơ cần xử lý", with bulk forwarding) and the actions of the processing section on
 * the officer's dossier page, which answer by going back to that page with a message.
 */
@Controller
class ProcessingPages {

    /** A line of the work list as the page shows it. */
    record Line(String code, String procedureName, String stepName, String assignee, ZonedDateTime stepDueAt,
            ZonedDateTime dossierDueAt, boolean overdue) {
    }

    private final Processing processing;
    private final WorkList work;
    private final BulkForward bulk;
    private final ProcessControlSheet sheet;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;

    ProcessingPages(Processing processing, WorkList work, BulkForward bulk, ProcessControlSheet sheet,
            CurrentUser currentUser, MessageSource messages, Clock clock) {
        this.processing = processing;
        this.work = work;
        this.bulk = bulk;
        this.sheet = sheet;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/processing")
    String workList(@RequestParam(required = false) String scope, @RequestParam(required = false) String step,
            @RequestParam(required = false) String due, @RequestParam(required = false) Integer page, Model model) {
        AccountPrincipal officer = officer();
        String which = scope == null || scope.isBlank() ? "all" : scope;
        String stepName = step == null ? "" : step;
        String dueFilter = "soon".equals(due) || "overdue".equals(due) ? due : "";
        Instant now = clock.instant();
        PageResult<WorkList.Item> result = work.list(officer, which, stepName, dueFilter, PageResult.clampPage(page),
                PageResult.DEFAULT_SIZE);
        model.addAttribute("result", result.map(i -> new Line(i.dossierCode(), i.procedureName(), i.step().name(),
                i.step().assignee(), zoned(i.step().dueAt()), zoned(i.dossierDueAt()),
                i.step().timeliness(now) == DossierStep.Timeliness.OVERDUE)));
        model.addAttribute("scope", which);
        model.addAttribute("step", stepName);
        model.addAttribute("due", dueFilter);
        model.addAttribute("stepNames", work.stepNames(officer));
        model.addAttribute("seesAgency", officer.has(Role.LEADER) || officer.has(Role.AGENCY_ADMIN));
        model.addAttribute("pagerBase", "/processing?scope=" + enc(which) + "&"
                + (stepName.isEmpty() ? "" : "step=" + enc(stepName) + "&")
                + (dueFilter.isEmpty() ? "" : "due=" + dueFilter + "&"));
        return "processing/work";
    }

    @PostMapping("/processing/bulk-forward")
    String bulkForward(@RequestParam(name = "code", required = false) List<String> codes, Model model,
            Locale locale) {
        AccountPrincipal officer = officer();
        try {
            model.addAttribute("outcomes", bulk.forward(codes, officer, null, null));
        } catch (ProblemException e) {
            model.addAttribute("bulkError", message(e, locale));
            model.addAttribute("outcomes", List.of());
        }
        return workList(null, null, null, null, model);
    }

    @PostMapping("/processing/dossiers/{code}/take")
    String take(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.take", () -> processing.take(code, officer()));
    }

    @PostMapping("/processing/dossiers/{code}/forward")
    String forward(@PathVariable String code, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.forward",
                () -> processing.forward(code, officer(), assignee, note));
    }

    @PostMapping("/processing/dossiers/{code}/send-back")
    String sendBack(@PathVariable String code, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.send-back",
                () -> processing.sendBack(code, officer(), reason));
    }

    @PostMapping("/processing/dossiers/{code}/reassign")
    String reassign(@PathVariable String code, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.reassign",
                () -> processing.reassign(code, officer(), assignee, note));
    }

    @PostMapping("/processing/dossiers/{code}/approve")
    String approve(@PathVariable String code, @RequestParam(required = false) String note,
            RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.approve",
                () -> processing.approve(code, officer(), note));
    }

    @PostMapping("/processing/dossiers/{code}/result")
    String result(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) {
        return run(code, redirect, locale, "processing.done.result", () -> {
            if (file == null || file.isEmpty()) {
                throw new vn.dvc.shared.InvalidInputException(List.of(new ProblemException.FieldProblem("file",
                        "processing.result.file-required")));
            }
            try (InputStream in = file.getInputStream()) {
                return processing.attachResult(code, officer(), file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/processing/dossiers/{code}/form05.pdf")
    ResponseEntity<byte[]> controlSheet(@PathVariable String code) {
        Dossier d = processing.find(code, officer());
        return ProcessingApi.pdf(sheet.pdf(d), d.code());
    }

    private String run(String code, RedirectAttributes redirect, Locale locale, String done,
            java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("processingDone", done);
        } catch (ProblemException e) {
            if (e instanceof vn.dvc.shared.NotFoundException) {
                throw e;
            }
            redirect.addFlashAttribute("processingError", message(e, locale));
        }
        return "redirect:/reception/dossiers/" + code + "#processing";
    }

    private String message(ProblemException e, Locale locale) {
        if (!e.fieldProblems().isEmpty()) {
            ProblemException.FieldProblem f = e.fieldProblems().get(0);
            return messages.getMessage(f.messageKey(), f.args().toArray(), locale);
        }
        return messages.getMessage(e.messageKey(), e.args(), locale);
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Processing.agency(principal);
        return principal;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }
}
