package vn.dvc.processing;

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
 * On the processing pages, unknown dossiers and other agencies' are the ordinary "not found" page; a bad filter
 * typed into the address is the error page with the reason in words (400), never a server error.
 */
@ControllerAdvice(assignableTypes = {ProcessingPages.class, ProcessAdminPages.class})
class ProcessingProblems {

    private final MessageSource messages;

    ProcessingProblems(MessageSource messages) {
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
