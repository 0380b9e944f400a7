package vn.dvc.planning;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A year without a plan (or an entry out of scope, which must look the same) is the ordinary "not found" page. */
@ControllerAdvice(assignableTypes = {PlanningPages.class, PlanningAdminPages.class})
class PlanningPageProblems {

    @ExceptionHandler(vn.dvc.shared.NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
