package vn.dvc.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's answers when a call is not signed in (401) or not allowed (403): an RFC 9457 problem
 * with a Vietnamese detail like every other error of the API (CONTRACT.md), instead of an empty body. A
 * missing or wrong CSRF token is a 403 of its own code, since a script writer must know which it is.
 */
final class ApiSecurityProblems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiSecurityProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, Exception cause) throws IOException {
        if (cause instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "problem.csrf");
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String detailKey) throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var problem = json.createObjectNode()
                .put("type", "urn:dvc:problem:" + code)
                .put("title", messages.getMessage("problem.title." + code, null, locale))
                .put("status", status.value())
                .put("detail", messages.getMessage(detailKey, null, locale))
                .put("instance", request.getRequestURI())
                .put("code", code);
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
