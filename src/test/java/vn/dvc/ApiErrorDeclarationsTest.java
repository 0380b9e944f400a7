package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error answers the OpenAPI file declares are the ones the server gives: bad requests (no session, no CSRF
 * token, unknown codes, unreadable JSON, a wrong body type) are fired at every operation of the generated
 * document, as an anonymous caller, an applicant and the system administrator, and each status must be one the
 * operation declares, and never a server error. A new endpoint, or a new way an old one fails, cannot drift
 * from the contract unnoticed.
 */
@IntegrationTest
class ApiErrorDeclarationsTest {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    final List<String> undeclared = new ArrayList<>();
    List<Operation> operations;

    record Operation(String method, String template, JsonNode spec) {

        Set<String> declared() {
            return new TreeSet<>(spec.path("responses").propertyNames());
        }

        /** The address with every path variable set to something that does not exist. */
        String path() {
            String path = template;
            for (JsonNode parameter : spec.path("parameters")) {
                if ("path".equals(parameter.path("in").asString())) {
                    String type = parameter.path("schema").path("type").asString();
                    String value = "integer".equals(type) || "number".equals(type) ? "999999" : "KHONG-CO-9";
                    path = path.replace("{" + parameter.path("name").asString() + "}", value);
                }
            }
            return path;
        }

        boolean safe() {
            return SAFE.contains(method);
        }

        boolean takesJson() {
            return spec.path("requestBody").path("content").has("application/json");
        }

        boolean takesBody() {
            // a multipart form of plain parameters is documented as parameters; its 415 says it reads a body
            return !spec.path("requestBody").isMissingNode() || declared().contains("415");
        }

        boolean hasPathVariable() {
            return !template.equals(path());
        }
    }

    record Caller(HttpClient http, String xsrf) {
    }

    @BeforeEach
    void readTheGeneratedDocument() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(at("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : json.readTree(docs.body()).path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }
        assertThat(operations).hasSizeGreaterThan(70);
    }

    URI at(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    Caller signIn(String username) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
        String page = http.send(HttpRequest.newBuilder(at("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(at("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode("GiaLai@2026", StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return new Caller(http, xsrf);
    }

    void fire(String pass, HttpClient http, Operation operation, String xsrf, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(at(operation.path())).header("Accept", "application/json")
                .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (!operation.declared().contains(String.valueOf(status)) || status >= 500) {
            undeclared.add(operation.method() + " " + operation.template() + " (" + pass + "): " + status
                    + " not among " + operation.declared());
        }
    }

    @Test
    void everyAnswerToABadRequestIsDeclaredForItsOperation() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Caller applicant = signIn("congdan");
        Caller administrator = signIn("admin");
        for (Operation operation : operations) {
            // nobody signed in, no CSRF token
            fire("anonymous", anonymous, operation, null, null, null);
            if (operation.safe()) {
                fire("applicant, unknown code", applicant.http(), operation, null, null, null);
                fire("administrator, unknown code", administrator.http(), operation, null, null, null);
                continue;
            }
            fire("applicant, no CSRF token", applicant.http(), operation, null, null, null);
            fire("applicant, unknown code", applicant.http(), operation, applicant.xsrf(), null, null);
            if (operation.takesJson()) {
                fire("applicant, unreadable JSON", applicant.http(), operation, applicant.xsrf(), "application/json",
                        "{bad");
                fire("administrator, unreadable JSON", administrator.http(), operation, administrator.xsrf(),
                        "application/json", "{bad");
            }
            if (operation.takesBody()) {
                fire("administrator, wrong body type", administrator.http(), operation, administrator.xsrf(),
                        "text/plain", "x");
            } else if (operation.hasPathVariable()) {
                // an administrator acting on something that does not exist changes nothing
                fire("administrator, unknown code", administrator.http(), operation, administrator.xsrf(), null, null);
            }
        }
        assertThat(undeclared).as("answers the OpenAPI file does not declare (docs/openapi.json)").isEmpty();
    }

    @Test
    void everyErrorAnswerIsAProblemOfTheSharedShape() throws Exception {
        JsonNode document = json.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(at("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        for (Operation operation : operations) {
            for (String status : operation.declared()) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(operation.spec().path("responses").path(status).path("content")
                            .path("application/problem+json").path("schema").path("$ref").asString())
                            .as(operation.method() + " " + operation.template() + " " + status)
                            .isEqualTo("#/components/schemas/Problem");
                }
            }
            assertThat(operation.declared()).as(operation.method() + " " + operation.template())
                    .contains("400", "401", "500");
        }
    }
}
