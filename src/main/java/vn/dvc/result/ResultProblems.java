package vn.dvc.result;

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

import vn.dvc.result.VerifyThrottle.TooManyVerificationsException;

/** The verification API's "too many requests" answer, as an RFC 9457 problem with Retry-After. */
@RestControllerAdvice(assignableTypes = VerifyApi.class)
class ResultProblems {

    private final MessageSource messages;

    ResultProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TooManyVerificationsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyVerificationsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("result.verify.too-many", new Object[] {e.retryAfterSeconds()},
                        LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:dvc:problem:too-many-requests"));
        problem.setTitle(messages.getMessage("result.verify.too-many.title", null, LocaleContextHolder.getLocale()));
        problem.setProperty("code", "too-many-requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
