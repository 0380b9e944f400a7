package vn.dvc.reception;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.dvc.shared.NotFoundException;

/** On the reception's pages and files, unknown dossiers and other agencies' are the ordinary "not found" page. */
@ControllerAdvice(assignableTypes = {ReceptionFiles.class, ReceptionPages.class})
class ReceptionProblems {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
