package vn.dvc.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an upload larger than the server accepts ({@code spring.servlet.multipart.*}) with a clear
 * message instead of the servlet container's bare "413". The body is read here, before the security
 * filters: the CSRF filter reads the token from the form, and when the container cannot parse the form
 * that read fails and ends the request with the container's English error page (or a reset connection).
 * A page gets a redirect back to where the form was, with the message shown there; the JSON API gets
 * an RFC 9457 problem. Nothing of the request is kept.
 */
@Component
@Order(-104) // after the character encoding and request context filters, before Spring Security (-100)
class UploadLimitFilter extends OncePerRequestFilter {

    /** The flash attribute the layout shows. */
    static final String MESSAGE_ATTRIBUTE = "uploadTooLarge";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final long maxFileMegabytes;
    private final long maxRequestMegabytes;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadLimitFilter(MessageSource messages, LocaleResolver locales, JsonMapper json,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.maxFileMegabytes = maxFileSize.toMegabytes();
        this.maxRequestMegabytes = maxRequestSize.toMegabytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (!tooLarge(e)) {
                throw e;
            }
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage("problem.upload-too-large",
                new Object[] {maxFileMegabytes, maxRequestMegabytes}, locale);
        if (FilterProblems.isApi(request)) {
            FilterProblems.write(response, request, HttpStatus.CONTENT_TOO_LARGE, "too-large", detail, messages, locale,
                    json);
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put(MESSAGE_ATTRIBUTE, detail);
        String back = request.getContextPath() + sameSitePath(request.getHeader(HttpHeaders.REFERER));
        flashMaps.saveOutputFlashMap(flash, request, response);
        // 303: the browser comes back with a GET, whatever the method of the refused form
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, back);
    }

    /**
     * The path and query of the page that sent the form, on this site: only the path is kept, so that a
     * forged Referer cannot send the browser elsewhere. The home page when there is none.
     */
    static String sameSitePath(String referer) {
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = new URI(referer.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
