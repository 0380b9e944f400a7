package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.dvc.IntegrationTest;

/**
 * What an outside client sees when the framework, not a controller, refuses a call (CONTRACT.md: every
 * API error is an application/problem+json answer with a stable code and a Vietnamese detail). Over real
 * HTTP, since these answers go through the servlet container's error page.
 */
@IntegrationTest
class ApiErrorAnswersTest {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI at(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("type").asString()).isEqualTo("urn:dvc:problem:" + code);
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

    @Test
    void anUnsignedCallIsAnsweredWithA401ProblemAndABearerChallenge() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(at("/api/v1/dossiers/mine")));
        JsonNode body = problem(response, 401, "unauthorized");
        assertThat(body.path("detail").asString()).startsWith("Cần đăng nhập");
        assertThat(body.path("instance").asString()).isEqualTo("/api/v1/dossiers/mine");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenSaysWhatIsMissing() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(at("/api/v1/dossiers"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode body = problem(response, 403, "csrf");
        assertThat(body.path("detail").asString()).contains("X-XSRF-TOKEN");
    }

    @Test
    void aSignedInScriptGetsProblemsForAWrongMethodBodyTypeOrUnreadableJson() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        String page = send(http, HttpRequest.newBuilder(at("/login"))).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signIn = send(http, HttpRequest.newBuilder(at("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=congdan&password="
                        + URLEncoder.encode("GiaLai@2026", StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();

        problem(send(http, HttpRequest.newBuilder(at("/api/v1/agencies")).header("X-XSRF-TOKEN", xsrf)
                .DELETE()), 405, "method-not-allowed");
        problem(send(http, HttpRequest.newBuilder(at("/api/v1/dossiers")).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415, "unsupported-media-type");
        JsonNode unreadable = problem(send(http, HttpRequest.newBuilder(at("/api/v1/dossiers/X/rating"))
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{bad"))), 400, "invalid-input");
        assertThat(unreadable.path("detail").asString()).isEqualTo("Dữ liệu gửi lên không hợp lệ.");
        problem(send(http, HttpRequest.newBuilder(at("/api/v1/queue"))), 403, "forbidden");
    }

    @Test
    void aPageWithABadParameterSaysSoInsteadOfBlamingTheSystem() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(at("/procedures?page=abc")).header("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Địa chỉ hoặc tham số không hợp lệ")
                .doesNotContain("Vui lòng thử lại sau");
    }

    @Test
    void aFileOverTwentyMegabytesInsideTheRequestLimitReachesTheApplication() throws Exception {
        // A 22 MB file in a 25 MB request: the container used to refuse it with an empty 413 (its error page
        // failed on the same body); now the application answers (here: not a result of the portal).
        String boundary = "qa-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 22 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        // A PDF header, so that the answer is the verification's (a file that is not a PDF is refused as such).
        byte[] pdfHeader = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pdfHeader, 0, body, head.length, pdfHeader.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> response = send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                HttpRequest.newBuilder(at("/api/v1/verify"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("verdict").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aMissingParameterIsNamedAsMissingNotAsInvalid() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("workingDays", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.detail").value("Thiếu tham số \"receivedAt\"."));
        mvc.perform(get("/api/v1/calendar/due").param("receivedAt", "2021-02-05T16:30").param("workingDays", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Tham số \"workingDays\" không hợp lệ."));
    }

    @Test
    void anUnusableBearerTokenKeepsTheStandardChallengeAndGetsAProblem() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(at("/api/v1/integration/events")).header("Authorization", "Bearer garbage"));
        JsonNode body = problem(response, 401, "invalid-token");
        assertThat(body.path("detail").asString()).startsWith("Mã truy cập (Bearer) không hợp lệ");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void aFormSentWithAStaleCsrfTokenSaysToReloadThePage() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(at("/lookup"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=stale").POST(HttpRequest.BodyPublishers.ofString("_csrf=other")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("phiên làm việc đã hết hạn").doesNotContain("không có quyền");
    }

    @Test
    void theErrorAddressTypedDirectlyIsNotFound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(at("/error")).header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy trang").doesNotContain("Vui lòng thử lại sau");
        JsonNode body = problem(send(http, HttpRequest.newBuilder(at("/error")).header("Accept", "application/json")),
                404, "not-found");
        assertThat(body.path("instance").asString()).isEqualTo("/error");
        problem(send(http, HttpRequest.newBuilder(at("/error"))), 404, "not-found");
    }

    @Test
    void aScriptGetsAProblemOutsideTheApiToo() throws Exception {
        problem(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(at("/trang-khong-co"))
                .header("Accept", "application/json")), 404, "not-found");
    }
}
