package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dvc.IntegrationTest;

/**
 * A file over the server's limit (25 MB per file and per request) sent through the real server: the container refuses
 * it while the form is read, before any controller runs, which used to end in its bare English 413.
 */
@IntegrationTest
class UploadLimitTest {

    private static final String BOUNDARY = "----qa-boundary";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aTooLargeFileSentToTheApiGetsAVietnameseProblem() throws Exception {
        HttpResponse<String> answer = http.send(tooLarge("/api/v1/dossiers", null),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"too-large\"").contains("tệp gửi lên quá lớn")
                .contains("25 MB");
    }

    @Test
    void aTooLargeFileSentFromAPageGoesBackToThatPageWithTheMessage() throws Exception {
        HttpResponse<String> answer = http.send(tooLarge("/register",
                "http://localhost:" + port + "/lookup?code=abc"), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/lookup?code=abc");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/lookup?code=abc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("id=\"upload-too-large\"").contains("tệp gửi lên quá lớn");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(url("/lookup?code=abc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).doesNotContain("upload-too-large");
    }

    @Test
    void goesBackOnlyWithinThisSite() {
        assertThat(UploadLimitFilter.sameSitePath("https://elsewhere.example/drafts/1?x=2")).isEqualTo("/drafts/1?x=2");
        assertThat(UploadLimitFilter.sameSitePath("https://elsewhere.example//evil.example/x")).isEqualTo("/");
        assertThat(UploadLimitFilter.sameSitePath(null)).isEqualTo("/");
        assertThat(UploadLimitFilter.sameSitePath("not a uri")).isEqualTo("/");
        assertThat(UploadLimitFilter.sameSitePath("mailto:x@example.org")).isEqualTo("/");
    }

    /** A browser-like form: the CSRF field first, then a 26 MB file (the limit is 25 MB a file and a request). */
    private HttpRequest tooLarge(String path, String referer) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n");
        write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file.0\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n");
        byte[] filler = new byte[26 * 1024 * 1024];
        Arrays.fill(filler, (byte) 'a');
        body.writeBytes(filler);
        write(body, "\r\n--" + BOUNDARY + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (referer != null) {
            request.header("Referer", referer);
        }
        return request.build();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
