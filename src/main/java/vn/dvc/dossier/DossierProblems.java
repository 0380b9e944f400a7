package vn.dvc.dossier;

import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lookup's "too many requests" answer, as an RFC 9457 problem with Retry-After. */
@RestControllerAdvice(assignableTypes = LookupApi.class)
class DossierProblems {

    private final MessageSource messages;

    DossierProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TooManyLookupsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLookupsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("dossier.lookup.too-many", new Object[] {e.retryAfterSeconds()},
                        LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:dvc:problem:too-many-requests"));
        problem.setTitle(messages.getMessage("dossier.lookup.too-many.title", null, LocaleContextHolder.getLocale()));
        problem.setProperty("code", "too-many-requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
