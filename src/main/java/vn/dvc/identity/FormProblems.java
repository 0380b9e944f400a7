package vn.dvc.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import vn.dvc.shared.ProblemException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Puts a refused form's problems on the page: each field's first message next to the field
 * ({@code errors}), a message without a field above the form ({@code problem}), and the HTTP status
 * that says what happened (400, or 429 when the client asked too often).
 */
final class FormProblems {

    private FormProblems() {
    }

    static void show(ProblemException e, Model model, HttpServletResponse response, MessageSource messages) {
        response.setStatus(e instanceof TooManyRequestsException ? HttpStatus.TOO_MANY_REQUESTS.value()
                : HttpStatus.BAD_REQUEST.value());
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.fieldProblems()) {
            errors.putIfAbsent(problem.field(), message(messages, problem.messageKey(), problem.args().toArray()));
        }
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute("problem", message(messages, e.messageKey(), e.args()));
        }
    }

    private static String message(MessageSource messages, String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
