package vn.dvc.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drops the NUL character (U+0000) from request parameters (query, form fields, multipart text fields). No text
 * a person types contains it, PostgreSQL cannot store it in text, and a pasted one made every form that saves
 * text fail with a server error; without it the usual checks of each form apply. Values are cleaned when they
 * are read, so the request body is parsed when it always was (a too large upload is still refused where
 * uploads are checked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Cleaned(request), response);
    }

    static String clean(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    private static String[] clean(String[] values) {
        if (values == null || Arrays.stream(values).noneMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
            return values;
        }
        return Arrays.stream(values).map(NulCharacters::clean).toArray(String[]::new);
    }

    /** The request, its parameter values cleaned as they are read. */
    private static final class Cleaned extends HttpServletRequestWrapper {

        Cleaned(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return clean(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            return clean(super.getParameterValues(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = super.getParameterMap();
            boolean dirty = parameters.values().stream().anyMatch(v -> clean(v) != v);
            if (!dirty) {
                return parameters;
            }
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            parameters.forEach((name, values) -> cleaned.put(name, clean(values)));
            return java.util.Collections.unmodifiableMap(cleaned);
        }
    }
}
