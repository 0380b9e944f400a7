package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvc.IntegrationTest;

/**
 * Requests the servlet container or the security firewall refuse before our code runs (an address that does not
 * decode, an encoded "/" or "..", a NUL, a ";", a request line or headers over the limit) get the portal's own
 * answers: the problem shape on the API, a Vietnamese page for browsers, the right status, no stack trace or
 * server version. Over a raw socket, since MockMvc and HTTP client libraries would refuse to send most of them.
 */
@IntegrationTest
class ContainerErrorAnswersTest {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    Answer send(String target, String... headerLines) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            String body = raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, body);
        }
    }

    static String unchunk(String body) {
        StringBuilder plain = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return plain.toString();
            }
            // sizes count bytes: cut on bytes, not characters
            byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            plain.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
    }

    JsonNode problem(Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("type").asString()).isEqualTo("urn:dvc:problem:" + code);
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

    void vietnamesePage(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("Đã có lỗi");
        plain(answer);
    }

    static void plain(Answer answer) {
        assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("HTTP Status");
        assertThat(answer.header("Server")).isNull();
    }

    @Test
    void anAddressTheContainerCannotDecodeGetsAProblemOnTheApiAndAVietnamesePageElsewhere() throws Exception {
        for (String target : new String[] {"/api/v1/%zz", "/api/v1/agencies/a%2Fb", "/api/v1/agencies/a%00b"}) {
            Answer answer = send(target);
            JsonNode body = problem(answer, 400, "invalid-input");
            assertThat(body.path("detail").asString()).startsWith("Địa chỉ (URL) của yêu cầu không hợp lệ");
            plain(answer);
        }
        vietnamesePage(send("/thu-tuc/%zz", "Accept: text/html"), 400);
        vietnamesePage(send("/procedures/a%2Fb", "Accept: text/html"), 400);
        problem(send("/procedures/%zz", "Accept: application/json"), 400, "invalid-input");
    }

    @Test
    void anAddressTheFirewallRefusesGetsTheSameAnswers() throws Exception {
        for (String target : new String[] {"/api/v1/agencies;x=1", "/api/v1/agencies/%2e%2e/procedures"}) {
            Answer answer = send(target);
            JsonNode body = problem(answer, 400, "invalid-input");
            assertThat(body.path("detail").asString()).startsWith("Địa chỉ (URL) của yêu cầu không hợp lệ");
            plain(answer);
        }
        Answer page = send("/procedures;jsessionid=1", "Accept: text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Địa chỉ hoặc tham số không hợp lệ");
        plain(page);
    }

    @Test
    void anAddressOverTheLimitIs414() throws Exception {
        String longPath = "/api/v1/procedures/" + "a".repeat(10_000);
        Answer answer = send(longPath, "Accept: application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(414);
        plain(answer);
        // the request line never ended, so its path is unknown: a page, in Vietnamese
        assertThat(answer.body()).contains("Địa chỉ (URL) của yêu cầu quá dài");
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        String big = "X-Big: " + "b".repeat(10_000);
        problem(send("/api/v1/agencies", big), 431, "headers-too-large");
        // the headers read before the limit still count
        vietnamesePage(send("/procedures", "Accept: text/html", big), 431);
        Answer english = send("/procedures", "Accept: text/html", "Cookie: lang=en", big);
        assertThat(english.body()).contains("too large");
    }
}
