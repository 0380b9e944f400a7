package vn.dvc.organisation;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown agency (or one outside the administrator's scope, which must look the same) is the
 * ordinary "not found" page, not a server error.
 */
@ControllerAdvice(assignableTypes = {AgencyPages.class, AgencyAdminPages.class})
class OrganisationPageProblems {

    @ExceptionHandler(vn.dvc.shared.NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
