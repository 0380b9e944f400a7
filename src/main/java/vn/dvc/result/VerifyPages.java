package vn.dvc.result;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public verification page: {@code /verify/{resultCode}} (where the QR code leads) says whether we
 * issued a result with that code and shows what is public of it; the form on {@code /verify} takes a PDF
 * and says GENUINE, MODIFIED or UNKNOWN.
 */
@Controller
class VerifyPages {

    private final ResultVerification verification;
    private final VerifyThrottle throttle;

    VerifyPages(ResultVerification verification, VerifyThrottle throttle) {
        this.verification = verification;
        this.throttle = throttle;
    }

    /** The page; with {@code code} (typed from a paper copy) it leads to that result's check. */
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.matches("[0-9A-Za-z.\\-]{1,60}")) {
            return "redirect:/verify/" + typed.toUpperCase(java.util.Locale.ROOT);
        }
        return "result/verify";
    }

    @GetMapping("/verify/{resultCode}")
    String byCode(@PathVariable String resultCode, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("code", resultCode);
        if (!allowed(model, request, response)) {
            return "result/verify";
        }
        verification.byCode(resultCode).ifPresentOrElse(r -> model.addAttribute("found", ResultViews.publicView(r)),
                () -> {
                    model.addAttribute("unknownCode", true);
                    response.setStatus(HttpStatus.NOT_FOUND.value());
                });
        return "result/verify";
    }

    @PostMapping("/verify")
    String byFile(@RequestParam(required = false) MultipartFile file, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!allowed(model, request, response)) {
            return "result/verify";
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "result/verify";
        }
        ResultVerification.Outcome outcome = verification.verify(file.getBytes());
        if (outcome.notPdf()) {
            model.addAttribute("notPdf", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "result/verify";
        }
        model.addAttribute("checked", VerifyApi.answer(outcome));
        return "result/verify";
    }

    private boolean allowed(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            long wait = throttle.secondsUntilNextWindow(request.getRemoteAddr());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
            model.addAttribute("tooMany", wait);
            return false;
        }
        return true;
    }
}
