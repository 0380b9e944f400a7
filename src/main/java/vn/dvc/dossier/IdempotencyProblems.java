package vn.dvc.dossier;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A reused idempotency key, on every JSON endpoint that takes one (online submission, counter
 * registration): 422 as the IETF idempotency-key draft asks, with a stable code.
 */
@RestControllerAdvice(annotations = RestController.class)
class IdempotencyProblems {

    static final String CODE = "idempotency-key-reused";

    private final MessageSource messages;

    IdempotencyProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), e.args(), locale));
        problem.setType(URI.create("urn:dvc:problem:" + CODE));
        problem.setTitle(messages.getMessage("problem.title." + CODE, null, locale));
        problem.setProperty("code", CODE);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
