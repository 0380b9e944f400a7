package vn.dvc.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.dvc.document.DocumentResponses;
import vn.dvc.dossier.DossierLifecycle.Action;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

/** The applicant's "my dossiers" pages and the public lookup page. */
@Controller
class DossierPages {

    private final Dossiers dossiers;
    private final DossierTransitions transitions;
    private final DossierLookup lookup;
    private final LookupThrottle throttle;
    private final CurrentUser currentUser;
    private final DossierSupplements supplements;
    private final DocumentResponses responses;
    private final MessageSource messages;
    private final DossierDrafts drafts;
    private final vn.dvc.catalogue.Procedures procedures;

    DossierPages(Dossiers dossiers, DossierTransitions transitions, DossierLookup lookup, LookupThrottle throttle,
            CurrentUser currentUser, DossierSupplements supplements, DocumentResponses responses,
            MessageSource messages, DossierDrafts drafts, vn.dvc.catalogue.Procedures procedures) {
        this.drafts = drafts;
        this.procedures = procedures;
        this.supplements = supplements;
        this.responses = responses;
        this.messages = messages;
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.lookup = lookup;
        this.throttle = throttle;
        this.currentUser = currentUser;
    }

    @GetMapping("/dossiers")
    String mine(@RequestParam(required = false) Integer page, Model model) {
        AccountPrincipal applicant = applicant();
        model.addAttribute("result", dossiers.mine(applicant.id(), PageResult.clampPage(page), PageResult.DEFAULT_SIZE)
                .map(DossierPages::row));
        model.addAttribute("drafts", drafts.mine(applicant.id()).stream().map(d -> Map.of("id", d.id(),
                "procedureName", procedures.find(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode()),
                "updatedAt", zoned(d.updatedAt()))).toList());
        return "dossier/mine";
    }

    @GetMapping("/dossiers/{code}")
    String detail(@PathVariable String code, Model model) {
        AccountPrincipal applicant = applicant();
        Dossier d = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        model.addAttribute("d", row(d));
        model.addAttribute("dossier", d);
        model.addAttribute("timeline", dossiers.timeline(d.id()).stream().map(t -> Map.of("at", zoned(t.occurredAt()),
                "kind", t.kind(), "to", t.to() == null ? 0 : t.to().national(),
                "message", t.message() == null ? "" : t.message())).toList());
        model.addAttribute("documents", dossiers.applicantDocuments(d));
        model.addAttribute("supplements", dossiers.supplements(d.id()));
        model.addAttribute("canWithdraw", DossierLifecycle.allows(d.status(), Action.WITHDRAW));
        return "dossier/detail";
    }

    /**
     * Withdrawing cannot be undone, so the dossier page's button leads here first: what withdrawing means, an
     * optional reason and the button that confirms (a plain form, no script needed).
     */
    @GetMapping("/dossiers/{code}/withdraw")
    String withdrawPage(@PathVariable String code, Model model, RedirectAttributes redirect) {
        AccountPrincipal applicant = applicant();
        Dossier d = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        if (!DossierLifecycle.allows(d.status(), Action.WITHDRAW)) {
            redirect.addFlashAttribute("problem", "dossier.action.not-allowed.withdraw");
            redirect.addFlashAttribute("problemArgs", new Object[] {d.code()});
            return "redirect:/dossiers/" + d.code();
        }
        model.addAttribute("d", row(d));
        model.addAttribute("reason", "");
        model.addAttribute("reasonMax", DossierTransitions.WITHDRAW_REASON_MAX);
        return "dossier/withdraw";
    }

    /**
     * Withdraws once the applicant confirmed on the page above ({@code confirmed=true}); a post without it (an
     * old page, a form from elsewhere) only leads to that page and changes nothing.
     */
    @PostMapping("/dossiers/{code}/withdraw")
    String withdraw(@PathVariable String code, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        AccountPrincipal applicant = applicant();
        Dossier d = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        if (!"true".equals(confirmed)) {
            return "redirect:/dossiers/" + d.code() + "/withdraw";
        }
        try {
            transitions.withdraw(d.code(), applicant.id(), applicant.getUsername(), reason);
            redirect.addFlashAttribute("done", "dossier.withdraw.done");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("d", row(d));
            model.addAttribute("reason", reason == null ? "" : reason);
            model.addAttribute("reasonMax", DossierTransitions.WITHDRAW_REASON_MAX);
            model.addAttribute("reasonError", e.text(messages, locale));
            return "dossier/withdraw";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/dossiers/" + d.code();
    }

    @PostMapping("/dossiers/{code}/supplements/{id}")
    String answerSupplement(@PathVariable String code, @PathVariable long id,
            @RequestParam(required = false) String note, MultipartHttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal applicant = applicant();
        List<DossierSubmission.Upload> uploads = new ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            if (name.startsWith("item.")) {
                for (MultipartFile file : files) {
                    if (!file.isEmpty() || !file.getOriginalFilename().isBlank()) {
                        uploads.add(new DossierSubmission.Upload(parseIndex(name.substring(5)),
                                file.getOriginalFilename(), file));
                    }
                }
            }
        });
        try {
            supplements.answer(code, applicant.id(), applicant.getUsername(), id, uploads, note);
            redirect.addFlashAttribute("done", "dossier.supplement.answer.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.fieldProblems().stream()
                    .map(f -> messages.getMessage(f.messageKey(), f.args().toArray(), locale)).toList());
            redirect.addFlashAttribute("supplementNote", note); // the files must be chosen again, not the note
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
            redirect.addFlashAttribute("supplementNote", note);
        }
        return "redirect:/dossiers/" + code;
    }

    @GetMapping("/dossiers/{code}/documents/{id}")
    ResponseEntity<StreamingResponseBody> document(@PathVariable String code, @PathVariable long id) {
        AccountPrincipal applicant = applicant();
        Dossier d = dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        return dossiers.applicantDocuments(d).stream().filter(doc -> doc.id() == id).findFirst()
                .map(doc -> responses.preview(doc.documentId()))
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    private static int parseIndex(String number) {
        try {
            return Integer.parseInt(number) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GetMapping("/lookup")
    String lookupPage(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("code", code == null ? "" : code.strip());
        if (code != null && !code.isBlank()) {
            if (!throttle.tryAcquire(request.getRemoteAddr())) {
                long wait = throttle.secondsUntilNextWindow(request.getRemoteAddr());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
                model.addAttribute("tooMany", wait);
                return "dossier/lookup";
            }
            if (!DossierCodes.wellFormed(DossierLookup.normalise(code))) {
                // Not a code at all (a typing slip): say what a code looks like rather than "not found".
                model.addAttribute("malformed", true);
                return "dossier/lookup";
            }
            lookup.find(code).ifPresentOrElse(f -> model.addAttribute("found", Map.of(
                    "code", f.dossierCode(), "procedureName", f.procedureName(), "agencyName", f.agencyName(),
                    "status", f.status().national(), "submittedAt", zonedOrEmpty(f.submittedAt()),
                    "receivedAt", zonedOrEmpty(f.receivedAt()), "dueAt", zonedOrEmpty(f.dueAt()),
                    "finishedAt", zonedOrEmpty(f.finishedAt()))),
                    () -> model.addAttribute("notFound", true));
        }
        return "dossier/lookup";
    }

    /** A dossier as the pages show it. */
    record Row(String code, String procedureCode, String procedureName, String agencyCode, int status,
            ZonedDateTime submittedAt, ZonedDateTime dueAt, boolean onBehalf, String representedName) {
    }

    static Row row(Dossier d) {
        return new Row(d.code(), d.procedureCode(), d.procedureName(), d.agencyCode(), d.status().national(),
                zoned(d.submittedAt()), zoned(d.dueAt()), d.onBehalf(),
                d.onBehalf() ? d.representation().representedName() : null);
    }

    static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }

    private static Object zonedOrEmpty(Instant instant) {
        return instant == null ? "" : zoned(instant);
    }

    private AccountPrincipal applicant() {
        return Applicant.of(currentUser);
    }

    /** Unknown dossiers, and other people's, are the ordinary "not found" page. */
    @ControllerAdvice(assignableTypes = {DossierPages.class, DraftPages.class})
    static class Problems {

        @ExceptionHandler(NotFoundException.class)
        ModelAndView notFound() {
            return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
        }
    }
}
