package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dvc.IntegrationTest;

/**
 * OPTIONS answers like a plain server (RFC 9110 §9.3.7): the methods an address takes, for anyone, without
 * signing in; "not found" where nothing answers; no CORS opened; and the other methods keep their sign-in and
 * CSRF checks.
 */
@IntegrationTest
class OptionsRequestsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousOptionsRequestGetsTheAllowedMethodsOfAMappedAddress() throws Exception {
        HttpResponse<String> mine = send("OPTIONS", "/api/v1/dossiers/mine");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET").contains("OPTIONS").doesNotContain("POST"));

        HttpResponse<String> submit = send("OPTIONS", "/api/v1/dossiers");
        assertThat(submit.statusCode()).isEqualTo(200);
        assertThat(submit.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("POST"));

        HttpResponse<String> page = send("OPTIONS", "/admin/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Allow")).isPresent();
        assertThat(page.body()).isEmpty();
    }

    @Test
    void anOptionsRequestForAnAddressNothingAnswersIsNotFound() throws Exception {
        HttpResponse<String> api = send("OPTIONS", "/api/v1/khong-co", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send("OPTIONS", "/trang-khong-co").statusCode()).isEqualTo(404);
    }

    @Test
    void aCorsPreflightOpensNothing() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/v1/dossiers", "Origin", "https://example.org",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        HttpResponse<String> plain = send("OPTIONS", "/api/v1/agencies", "Origin", "https://example.org");
        assertThat(plain.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void theOtherMethodsStillNeedASignInAndTheCsrfToken() throws Exception {
        assertThat(send("GET", "/api/v1/dossiers/mine").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/dossiers").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/admin/plans/2027/entries/1").statusCode()).isEqualTo(403);
    }
}
