package vn.dvc.reception;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;

/**
 * On the reception's pages and files, unknown dossiers, procedures and refusal reasons, and other agencies'
 * dossiers, are the ordinary "not found" page; input a page cannot show next to a field (a filter typed into
 * the address) is the error page with the reason in words (400), never a server error.
 */
@ControllerAdvice(assignableTypes = {ReceptionFiles.class, ReceptionPages.class, CounterPages.class,
        RefusalReasonPages.class})
class ReceptionProblems {

    private final MessageSource messages;

    ReceptionProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, Locale locale) {
        return new ModelAndView("error", Map.of("status", 400, "problem", e.text(messages, locale)),
                HttpStatus.BAD_REQUEST);
    }
}
