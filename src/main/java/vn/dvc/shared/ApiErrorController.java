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
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error answers that do not come from a controller (no sign-in, a refused CSRF token, a method or
 * body type the endpoint does not take, unreadable JSON, an unexpected failure): for the JSON API
 * ({@code /api/...}) an RFC 9457 problem with a stable code and a Vietnamese detail, like every other
 * API error; for pages Spring Boot's usual error page.
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
        ModelAndView page = super.errorHtml(request, response);
        if (page != null && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            page.addObject("csrf", true);
        }
        return page;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        String code = code(status, request);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("urn:dvc:problem:" + code).toString());
        problem.put("title", messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("problem." + code, null,
                messages.getMessage("problem.error", null, locale), locale));
        problem.put("instance", path);
        problem.put("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String code(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-input";
            case UNAUTHORIZED -> request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                    instanceof OAuth2AuthenticationException ? "invalid-token" : "unauthorized";
            case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? "csrf" : "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONTENT_TOO_LARGE -> "too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            default -> status.is4xxClientError() ? "invalid-input" : "error";
        };
    }
}
