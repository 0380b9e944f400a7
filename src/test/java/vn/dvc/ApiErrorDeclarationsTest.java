package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error answers the OpenAPI file declares are the ones the server gives: bad requests (no session, no CSRF
 * token, unknown codes, unreadable JSON, a wrong body type) are fired at every operation of the generated
 * document, as an anonymous caller (over HTTP), an applicant and the system administrator (signed in through
 * MockMvc, which keeps the sign-in throttle out of it), and each status must be one the operation declares,
 * and never a server error. A new endpoint, or a new way an old one fails, cannot drift
 * from the contract unnoticed.
 */
@IntegrationTest
class ApiErrorDeclarationsTest {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String APPLICANT = "congdan";
    private static final String ADMINISTRATOR = "admin";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

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

    void fire(String pass, HttpClient http, Operation operation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(at(operation.path())).header("Accept", "application/json")
                .method(operation.method(), HttpRequest.BodyPublishers.noBody()).build();
        check(pass, operation, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** A signed-in caller's request, through the same filters and error handling as on the server. */
    void fire(String pass, String username, Operation operation, boolean csrfToken, String contentType, String body)
            throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(operation.method()), operation.path())
                .accept(MediaType.APPLICATION_JSON).with(DemoAccounts.as(users, username));
        if (csrfToken) {
            request.with(csrf().asHeader());
        }
        if (contentType != null) {
            request.contentType(contentType).content(body);
        }
        check(pass, operation, mvc.perform(request).andReturn().getResponse().getStatus());
    }

    void check(String pass, Operation operation, int status) {
        if (!operation.declared().contains(String.valueOf(status)) || status >= 500) {
            undeclared.add(operation.method() + " " + operation.template() + " (" + pass + "): " + status
                    + " not among " + operation.declared());
        }
    }

    @Test
    void everyAnswerToABadRequestIsDeclaredForItsOperation() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Operation operation : operations) {
            // nobody signed in, no CSRF token, over real HTTP (the container's error page answers)
            fire("anonymous", anonymous, operation);
            if (operation.safe()) {
                fire("applicant, unknown code", APPLICANT, operation, false, null, null);
                fire("administrator, unknown code", ADMINISTRATOR, operation, false, null, null);
                continue;
            }
            fire("applicant, no CSRF token", APPLICANT, operation, false, null, null);
            fire("applicant, unknown code", APPLICANT, operation, true, null, null);
            if (operation.takesJson()) {
                fire("applicant, unreadable JSON", APPLICANT, operation, true, "application/json", "{bad");
                fire("administrator, unreadable JSON", ADMINISTRATOR, operation, true, "application/json", "{bad");
            }
            if (operation.takesBody()) {
                fire("administrator, wrong body type", ADMINISTRATOR, operation, true, "text/plain", "x");
            } else if (operation.hasPathVariable()) {
                // an administrator acting on something that does not exist changes nothing
                fire("administrator, unknown code", ADMINISTRATOR, operation, true, null, null);
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
