package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dvc.IntegrationTest;

/**
 * The null character (U+0000, "%00" in an address) cannot be stored by PostgreSQL: a parameter holding
 * it made the lookup page, the catalogue's filters or registration fail with a 500.
 */
@IntegrationTest
class NulCharacterTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageAskedWithTheNullCharacterAnswersAClear400() throws Exception {
        HttpResponse<String> page = get("/lookup?code=000.00.03.H21%00-261126-0001", "text/html");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-detail\"").contains("ký tự không hợp lệ");
    }

    @Test
    void theApiAskedWithTheNullCharacterAnswersAProblem() throws Exception {
        HttpResponse<String> answer = get("/api/v1/procedures?agency=%00", "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"invalid-input\"").contains("U+0000");
    }

    @Test
    void aFormPostedWithTheNullCharacterIsRefusedBeforeAnythingIsDone() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("fullName=A&address=S%00o+1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("ký tự không hợp lệ");
    }

    @Test
    void aMalformedAddressSaysSoInsteadOfTryAgainLater() throws Exception {
        HttpResponse<String> page = get("/procedures?page=abc", "text/html");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-badrequest\"").contains("Địa chỉ hoặc tham số không hợp lệ")
                .doesNotContain("Vui lòng thử lại sau");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
