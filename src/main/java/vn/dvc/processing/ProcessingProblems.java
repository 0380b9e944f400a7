package vn.dvc.processing;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.dvc.shared.NotFoundException;

/** On the processing pages, unknown dossiers and other agencies' are the ordinary "not found" page. */
@ControllerAdvice(assignableTypes = {ProcessingPages.class, ProcessAdminPages.class})
class ProcessingProblems {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
