package vn.dvc.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns failures of the JSON API into RFC 9457 problem answers with a stable machine code and a
 * detail in the caller's language (Vietnamese unless English was chosen).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", e);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return answer(HttpStatus.BAD_REQUEST, "invalid-input", e);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, "conflict", e);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            BindException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        if (e instanceof MissingServletRequestParameterException p) {
            return answer(HttpStatus.BAD_REQUEST, "invalid-input",
                    new InvalidInputException("problem.missing-parameter", p.getParameterName()));
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "";
        return answer(HttpStatus.BAD_REQUEST, "invalid-input",
                new InvalidInputException("problem.bad-parameter", name));
    }

    /**
     * A NUL character (U+0000) in a JSON text: PostgreSQL cannot store it, so the statement failed and its
     * transaction was rolled back; the caller's input, not the server, is at fault. Other database failures stay
     * server errors.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        if (!nulCharacter(e)) {
            throw e;
        }
        return answer(HttpStatus.BAD_REQUEST, "invalid-input", new InvalidInputException("problem.nul-character"));
    }

    private static boolean nulCharacter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("invalid byte sequence for encoding \"UTF8\": 0x00")
                    || message.contains("unsupported Unicode escape sequence"))) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, ProblemException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setType(URI.create("urn:dvc:problem:" + code));
        problem.setTitle(messages.getMessage("problem.title." + code, null, code, locale));
        problem.setProperty("code", code);
        if (!e.fieldProblems().isEmpty()) {
            List<Map<String, String>> errors = e.fieldProblems().stream()
                    .map(f -> Map.of("field", f.field(), "message",
                            messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale)))
                    .toList();
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
