package vn.dvc.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.WebUtils;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} before anything reads
 * it. Left to the servlet container, the oversized body failed again on the error page, and the caller got
 * the container's bare English "HTTP Status 413" page (or an empty answer from the API). Here the API answers
 * a 413 problem and people get a short page in their language with a way back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;

    UploadLimit(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize max, MessageSource messages) {
        this.maxBytes = max.toBytes();
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || request.getContentLengthLong() <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        // The language as the portal keeps it (cookie "lang", or ?lang=en); the body's parameters are never read.
        var lang = WebUtils.getCookie(request, "lang");
        String query = request.getQueryString();
        Locale locale = lang != null && lang.getValue().startsWith("en")
                || query != null && query.matches("(.*&)?lang=en(&.*)?") ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        String detail = messages.getMessage("problem.too-large", null, locale);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader("Connection", "close");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"urn:dvc:problem:too-large\",\"title\":\""
                    + json(messages.getMessage("problem.title.too-large", null, locale)) + "\",\"status\":413,"
                    + "\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(path) + "\",\"code\":\"too-large\"}");
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        String title = html(messages.getMessage("error.title", null, locale));
        String text = html(messages.getMessage("error.toolarge", new Object[] {maxBytes / (1024 * 1024)}, locale));
        String home = html(messages.getMessage("nav.home", null, locale));
        String root = request.getContextPath();
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><link rel=\"stylesheet\" href=\"" + root + "/css/site.css\"></head>"
                + "<body><main id=\"main\"><h1>" + title + "</h1><p>" + text + "</p><p><a href=\"" + root + "/\">"
                + home + "</a></p></main></body></html>");
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
