package vn.dvc.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 answer of a request filter that refuses an API call before any controller runs: the same
 * shape as the controllers' problems ({@code type urn:dvc:problem:<code>}, title, status, detail, instance,
 * code).
 */
final class FilterProblems {

    private FilterProblems() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String code,
            String detail, MessageSource messages, Locale locale, JsonMapper json) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var problem = json.createObjectNode()
                .put("type", "urn:dvc:problem:" + code)
                .put("title", messages.getMessage("problem.title." + code, null, locale))
                .put("status", status.value())
                .put("detail", detail)
                .put("instance", request.getRequestURI())
                .put("code", code);
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
