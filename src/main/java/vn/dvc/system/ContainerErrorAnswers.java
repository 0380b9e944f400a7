package vn.dvc.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

import vn.dvc.shared.ProblemCodes;

/**
 * The answers of requests the servlet container refuses before any of our code runs: an address it cannot
 * decode ({@code /%zz}, an encoded {@code /} or NUL), a request line or headers over its size limit. Tomcat's
 * own report is an English HTML page; here a caller of the JSON API ({@code /api/...}, or one that accepts
 * JSON) gets the same RFC 9457 problem as everywhere else and a browser a short Vietnamese page, both without
 * stack trace or server version. A request line too long is {@code 414}, headers too large {@code 431} (Tomcat
 * says 400 for both). Errors raised inside the application never reach this: the error page
 * ({@code shared/ApiErrorController}) has answered them already.
 */
@Component
class ContainerErrorAnswers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final MessageSource messages;
    private final JsonMapper json;

    ContainerErrorAnswers(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** After Spring Boot's own customizer, which installs a plain ErrorReportValve that this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new PortalErrorReport(messages, json));
            if (context.getParent() instanceof StandardHost host) {
                // The host adds a plain report valve at start unless one of exactly this class is there.
                host.setErrorReportValveClass(PortalErrorReport.class.getName());
            }
        });
    }

    static final class PortalErrorReport extends ErrorReportValve {

        /** Tomcat's words for a request line or header block larger than its buffer (same locale as its log). */
        private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
                .getString("iib.requestheadertoolarge.error");

        private static final Pattern ENGLISH = Pattern.compile("(^|;)\\s*lang=en\\s*(;|$)");

        private final MessageSource messages;
        private final JsonMapper json;

        PortalErrorReport(MessageSource messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (failure instanceof IllegalArgumentException && TOO_LARGE.equals(failure.getMessage())) {
                // The request line is parsed first: without a complete address, the address was too long.
                status = uri == null || uri.isEmpty() ? HttpStatus.URI_TOO_LONG.value()
                        : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
            }
            try {
                response.setStatus(status);
                write(request, response, uri == null ? "" : uri, status);
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer started: nothing more to say
            }
        }

        private void write(Request request, Response response, String uri, int status) throws IOException {
            String code = ProblemCodes.forStatus(status);
            Locale locale = english(request) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
            String title = messages.getMessage("problem.title." + code, null, locale);
            String detail = messages.getMessage(status == 400 ? "problem.bad-address" : "problem." + code, null,
                    messages.getMessage("problem.error", null, locale), locale);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (wantsProblem(request, uri)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                out.write(json.writeValueAsString(json.createObjectNode()
                        .put("type", "urn:dvc:problem:" + code)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", uri)
                        .put("code", code)));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                out.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + html(messages.getMessage("error.title", null, locale)) + "</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main>"
                        + "<h1>" + html(messages.getMessage("error.title", null, locale)) + "</h1>"
                        + "<p id=\"error-detail\">" + html(detail) + "</p>"
                        + "<p><a href=\"/\">" + html(messages.getMessage("nav.home", null, locale)) + "</a></p>"
                        + "</main></body></html>\n");
            }
            out.flush();
        }

        private static boolean wantsProblem(Request request, String uri) {
            if (uri.startsWith("/api/")) {
                return true;
            }
            String accept = header(request, "Accept");
            return accept != null && accept.contains("json") && !accept.contains("text/html");
        }

        private static boolean english(Request request) {
            String cookies = header(request, "Cookie");
            return cookies != null && ENGLISH.matcher(cookies).find();
        }

        /** A header, if the request got as far as having its headers read. */
        private static String header(Request request, String name) {
            try {
                return request.getHeader(name);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        private static String html(String text) {
            return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
        }
    }
}
