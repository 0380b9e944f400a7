package vn.dvc.deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.reception.Reception;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException;

/**
 * The forms of the officer's dossier page (return the result, update a postal delivery, issue the apology), which
 * answer with the dossier page again, and form 04 as a PDF for the officers of the agency and the applicant.
 */
@Controller
class DeadlinePages {

    private final ResultReturn results;
    private final TrackingBook book;
    private final Apologies apologies;
    private final DeadlineForms forms;
    private final Reception reception;
    private final Dossiers dossiers;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    DeadlinePages(ResultReturn results, TrackingBook book, Apologies apologies, DeadlineForms forms,
            Reception reception, Dossiers dossiers, CurrentUser currentUser, MessageSource messages) {
        this.results = results;
        this.book = book;
        this.apologies = apologies;
        this.forms = forms;
        this.reception = reception;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @PostMapping("/reception/dossiers/{code}/return")
    String returnResult(@PathVariable String code, @RequestParam(required = false) String method,
            @RequestParam(required = false) String address, @RequestParam(required = false) String trackingNumber,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            results.returnResult(code, officer, method, address, trackingNumber);
            redirect.addFlashAttribute("done", "deadline.done.return");
        } catch (ProblemException e) {
            failed(redirect, e, "return", locale, Map.of("method", value(method), "address", value(address),
                    "trackingNumber", value(trackingNumber)));
        }
        return "redirect:/reception/dossiers/" + code;
    }

    @PostMapping("/reception/dossiers/{code}/delivery")
    String updateDelivery(@PathVariable String code, @RequestParam(required = false) String status,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            results.updatePostalStatus(code, officer, status);
            redirect.addFlashAttribute("done", "deadline.done.delivery");
        } catch (ProblemException e) {
            failed(redirect, e, "delivery", locale, Map.of());
        }
        return "redirect:/reception/dossiers/" + code;
    }

    @PostMapping("/reception/dossiers/{code}/apologise")
    String apologise(@PathVariable String code, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String newDueDate, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            apologies.issue(code, officer, reason, newDueDate);
            redirect.addFlashAttribute("done", "deadline.done.apology");
        } catch (ProblemException e) {
            failed(redirect, e, "apology", locale, Map.of("reason", value(reason), "newDueDate", value(newDueDate)));
        }
        return "redirect:/reception/dossiers/" + code;
    }

    /**
     * The tracking book of the queue page's form: the file, or for a bad period the queue page again with the
     * reasons next to the dates and the dates as typed (the officer never sees a raw API answer).
     */
    @GetMapping("/reception/tracking-book.pdf")
    ResponseEntity<byte[]> bookPdf(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return book(from, to, false, request, response, locale);
    }

    @GetMapping("/reception/tracking-book.xlsx")
    ResponseEntity<byte[]> bookXlsx(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return book(from, to, true, request, response, locale);
    }

    private ResponseEntity<byte[]> book(String from, String to, boolean xlsx, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        String agency = Reception.officerAgency(officer());
        TrackingBook.Period period;
        try {
            period = TrackingBook.period(from, to);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldProblems().forEach(f -> errors.merge(f.field(),
                    messages.getMessage(f.messageKey(), f.args().toArray(), locale), (a, b) -> a + " " + b));
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("bookErrors", errors);
            flash.put("bookInput", Map.of("from", value(from), "to", value(to)));
            RequestContextUtils.saveOutputFlashMap("/reception", request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(ServletUriComponentsBuilder
                    .fromContextPath(request).path("/reception").fragment("tracking-book").build().toUri()).build();
        }
        List<TrackingBook.Line> lines = book.lines(agency, period);
        return xlsx
                ? DeadlineApi.file(forms.bookXlsx(agency, period, lines), MediaType.parseMediaType(DeadlineForms.XLSX_TYPE),
                        DeadlineApi.name(period) + ".xlsx")
                : DeadlineApi.file(forms.bookPdf(agency, period, lines), MediaType.APPLICATION_PDF,
                        DeadlineApi.name(period) + ".pdf");
    }

    @GetMapping("/reception/dossiers/{code}/apology.pdf")
    ResponseEntity<byte[]> officerApology(@PathVariable String code) {
        return pdf(reception.find(code, officer()));
    }

    @GetMapping("/dossiers/{code}/apology.pdf")
    ResponseEntity<byte[]> applicantApology(@PathVariable String code) {
        AccountPrincipal applicant = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        if (!applicant.has(Role.APPLICANT)) {
            throw new AccessDeniedException("not an applicant");
        }
        return pdf(dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code)));
    }

    private ResponseEntity<byte[]> pdf(Dossier d) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("phieu-xin-loi-" + d.code() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(forms.apology(d));
    }

    /** The problems go back to the dossier page (its deadline panel shows them), with what was typed. */
    private void failed(RedirectAttributes redirect, ProblemException e, String form, Locale locale,
            Map<String, String> input) {
        if (e instanceof NotFoundException notFound) {
            throw notFound;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidInputException invalid && !invalid.fieldProblems().isEmpty()) {
            invalid.fieldProblems().forEach(f -> errors.put(f.field(),
                    messages.getMessage(f.messageKey(), f.args().toArray(), locale)));
        } else {
            errors.put(form, messages.getMessage(e.messageKey(), e.args(), locale));
        }
        redirect.addFlashAttribute("deadlineErrors", errors);
        redirect.addFlashAttribute("deadlineInput", input);
    }

    private static String value(String s) {
        return s == null ? "" : s;
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Reception.officerAgency(principal);
        return principal;
    }

    /** Unknown dossiers and other agencies' are the ordinary "not found" page. */
    @ControllerAdvice(assignableTypes = DeadlinePages.class)
    static class Problems {

        @ExceptionHandler(NotFoundException.class)
        ModelAndView notFound() {
            return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
        }
    }
}
