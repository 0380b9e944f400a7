package vn.dvc.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error answers that do not come from a controller (no sign-in, a refused CSRF token, a method or
 * body type the endpoint does not take, unreadable JSON, an address the firewall refuses, an unexpected
 * failure): an RFC 9457 problem with a stable code and a Vietnamese detail, like every other API error,
 * for the JSON API ({@code /api/...}) and for any caller that did not ask for HTML; the portal's error
 * page for browsers. {@code /error} typed as an address is "not found", not a failure.
 */
@Component
class ApiErrorController extends BasicErrorController {

    private final MessageSource messages;

    ApiErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages) {
        super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
        this.messages = messages;
    }

    /** The portal's error page; a refused CSRF token (mostly a form left open too long) is told apart. */
    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        notFoundWhenAskedDirectly(request);
        ModelAndView page = super.errorHtml(request, response);
        if (page != null && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            page.addObject("csrf", true);
        }
        return page;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        notFoundWhenAskedDirectly(request);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        HttpStatus status = getStatus(request);
        String code = code(status, request);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("urn:dvc:problem:" + code).toString());
        problem.put("title", messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale));
        problem.put("status", status.value());
        // An address the firewall refused (";", an encoded "." or "/", ...) is told apart from unreadable data.
        String detail = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof RequestRejectedException
                ? "problem.bad-address" : "problem." + code;
        problem.put("detail", messages.getMessage(detail, null,
                messages.getMessage("problem.error", null, locale), locale));
        problem.put("instance", path);
        problem.put("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Someone typed {@code /error} (or a tool probed it): no failure happened, so there is nothing here, as
     * at any other address no page answers.
     */
    private static void notFoundWhenAskedDirectly(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        }
    }

    private static String code(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case UNAUTHORIZED -> request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                    instanceof OAuth2AuthenticationException ? "invalid-token" : "unauthorized";
            case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? "csrf" : "forbidden";
            default -> ProblemCodes.forStatus(status.value());
        };
    }
}
