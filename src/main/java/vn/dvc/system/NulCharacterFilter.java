package vn.dvc.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose parameters (query or form) hold the character U+0000: PostgreSQL cannot store
 * it in text, so every query or insert that met it failed with a 500 (the lookup page, the catalogue's
 * agency filter, registration...). No person types it; a clear 400 says what is wrong and nothing is
 * done. The JSON API gets an RFC 9457 problem, pages the error page with the same message.
 */
@Component
@Order(-103) // after UploadLimitFilter (the form is read by then), before Spring Security (-100)
class NulCharacterFilter extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "problem.nul-character";
    /** The request attribute error.html shows instead of its generic message. */
    static final String DETAIL_ATTRIBUTE = "errorDetail";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    NulCharacterFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!holdsNul(request)) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage(MESSAGE_KEY, null, locale);
        if (FilterProblems.isApi(request)) {
            FilterProblems.write(response, request, HttpStatus.BAD_REQUEST, "invalid-input", detail, messages, locale,
                    json);
            return;
        }
        // the error page (error.html) shows the message for this status
        request.setAttribute(DETAIL_ATTRIBUTE, detail);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private static boolean holdsNul(HttpServletRequest request) {
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
