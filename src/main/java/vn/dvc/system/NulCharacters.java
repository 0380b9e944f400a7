package vn.dvc.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
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
 * text fail with a server error; without it the usual checks of each form apply.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(hasNul(request) ? new Cleaned(request) : request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().indexOf('\u0000') >= 0) {
                return true;
            }
            for (String value : e.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static String clean(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    /** The request with its parameters cleaned. */
    private static final class Cleaned extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Cleaned(HttpServletRequest request) {
            super(request);
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> cleaned.put(clean(name),
                    Arrays.stream(values).map(NulCharacters::clean).toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(cleaned);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
