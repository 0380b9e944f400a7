package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.ComponentCase;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/**
 * The committed docs/openapi.json tells an independent client the truth: an applicant, the officers of the
 * Department of Justice, an integration client (OAuth2 client credentials) and anonymous visitors go through a
 * realistic sequence (search, a procedure's page, online submission and its repetition, my dossiers, withdrawal,
 * reception, stop, counter registration of an organisation, lookup, verification, statistics, calendar, plans),
 * error answers included (400, 401, 403, 404, 409, 422, 429), over real HTTP (signed-in state changes through
 * MockMvc, see {@link Caller#sendThroughMockMvc}), and every answer's status, media type and body are checked
 * against the file by {@link OpenApiAnswers} (networknt's JSON Schema 2020-12 validator; ADR 0032). The sequence
 * must reach a minimum of operations and statuses, so that the check cannot pass by checking nothing.
 */
@IntegrationTest
class OpenApiResponsesTest {

    private static final String JUSTICE = "000.00.03.H21";
    private static final String FORM = "{\"requestSummary\":\"Xin cấp phiếu lý lịch tư pháp\","
            + "\"contactName\":\"Nguyễn Văn Khách\",\"phone\":\"0912345678\",\"address\":\"12 Hùng Vương, Pleiku\"}";

    static OpenApiAnswers contract;

    private static final String PASSWORD = "Mật-khẩu-hợp-đồng-1";
    private static final String DEMO_PASSWORD = "GiaLai@2026";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    final JsonMapper mapper = JsonMapper.builder().build();
    final List<String> untrue = new ArrayList<>();
    final Map<String, Set<Integer>> covered = new TreeMap<>();

    @BeforeAll
    static void readTheCommittedDocument() throws IOException {
        contract = OpenApiAnswers.read(OpenApiContractTest.COMMITTED);
    }

    @Test
    void everyAnswerOfARealSequenceIsTheOneTheCommittedDocumentDescribes() throws Exception {
        String username = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        long id = TestApplicants.create(jdbc, username);
        jdbc.sql("update account set password_hash = ? where id = ?").params(encoder.encode(PASSWORD), id).update();
        Procedure procedure = justiceProcedure();
        Caller anyone = new Caller();
        Caller applicant = new Caller().signIn(username, PASSWORD);
        Caller reception = new Caller().signIn("tiepnhan.stp", DEMO_PASSWORD);
        Caller leader = new Caller().signIn("lanhdao.stp", DEMO_PASSWORD);
        Caller specialist = new Caller().signIn("chuyenvien.stp", DEMO_PASSWORD);
        Caller otherAgency = new Caller().signIn("tiepnhan.pleiku", DEMO_PASSWORD);

        // Anyone: the catalogue, the agencies, the calendar, the plans, statistics and ranking.
        JsonNode found = expect(200, anyone.get("/api/v1/procedures?q=giay%20phep%20xay%20dung"));
        expect(200, anyone.get("/api/v1/procedures/" + found.path("items").path(0).path("code").asString()));
        expect(200, anyone.get("/api/v1/procedures/" + procedure.code()));
        expect(404, anyone.get("/api/v1/procedures/9.999999"));
        expect(400, anyone.get("/api/v1/procedures?page=mot"));
        expect(200, anyone.get("/api/v1/agencies"));
        expect(200, anyone.get("/api/v1/agencies/" + JUSTICE));
        expect(200, anyone.get("/api/v1/calendar/days-off?year=2026"));
        expect(400, anyone.get("/api/v1/calendar/days-off?year=1900"));
        expect(200, anyone.get("/api/v1/calendar/due?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=5&agency="
                + JUSTICE));
        expect(409, anyone.get("/api/v1/calendar/due?receivedAt=2100-12-29T09:00:00%2B07:00&workingDays=10"));
        String planYear = expect(200, anyone.get("/api/v1/plans")).path(0).path("year").asString();
        expect(200, anyone.get("/api/v1/plans/" + planYear));
        expect(200, anyone.get("/api/v1/plans/" + planYear + "/checks"));
        expect(200, anyone.get("/api/v1/plans/" + planYear + "/tracking"));
        expect(404, anyone.get("/api/v1/plans/1999"));
        expect(200, anyone.get("/api/v1/statistics/processing"));
        expect(200, anyone.get("/api/v1/statistics/processing?agency=" + JUSTICE));
        expect(200, anyone.get("/api/v1/statistics/processing.csv"));
        expect(200, anyone.get("/api/v1/statistics/satisfaction"));
        expect(200, anyone.get("/api/v1/ranking/" + Year.now().getValue()));

        // The applicant: sign-in and CSRF are required, then a submission, its repetition and a reused key.
        expect(401, anyone.get("/api/v1/dossiers/mine"));
        expect(403, applicant.withoutCsrf().send("POST", "/api/v1/dossiers", submission(procedure, FORM)));
        expect(400, applicant.send("POST", "/api/v1/dossiers", new Multipart().field("form", FORM)));
        String key = UUID.randomUUID().toString();
        String code = expect(201, applicant.send("POST", "/api/v1/dossiers", submission(procedure, FORM),
                "Idempotency-Key", key)).path("dossierCode").asString();
        expect(200, applicant.send("POST", "/api/v1/dossiers", submission(procedure, FORM), "Idempotency-Key", key));
        expect(422, applicant.send("POST", "/api/v1/dossiers", submission(procedure, FORM.replace("Khách", "Khác")),
                "Idempotency-Key", key));
        String withdrawn = expect(201, applicant.send("POST", "/api/v1/dossiers", submission(procedure, FORM)))
                .path("dossierCode").asString();
        expect(200, applicant.get("/api/v1/account"));
        expect(200, applicant.get("/api/v1/dossiers/mine"));
        expect(200, applicant.get("/api/v1/dossiers/" + code));
        expect(404, applicant.get("/api/v1/dossiers/" + JUSTICE + "-000101-9999"));
        expect(403, reception.get("/api/v1/dossiers/" + code));
        expect(200, applicant.get("/api/v1/dossiers/" + code + "/payments"));
        expect(409, applicant.send("POST", "/api/v1/dossiers/" + code + "/payments", null));
        expect(200, applicant.get("/api/v1/dossiers/" + code + "/results"));
        expect(200, applicant.get("/api/v1/dossiers/" + code + "/rating"));
        expect(409, applicant.send("POST", "/api/v1/dossiers/" + code + "/rating", json("{\"rating\":\"SATISFIED\"}")));
        expect(400, applicant.send("POST", "/api/v1/dossiers/" + withdrawn + "/withdraw",
                json("{\"reason\":\"" + "x".repeat(501) + "\"}")));
        expect(200, applicant.send("POST", "/api/v1/dossiers/" + withdrawn + "/withdraw",
                json("{\"reason\":\"Nộp nhầm thủ tục\"}")));
        expect(409, applicant.send("POST", "/api/v1/dossiers/" + withdrawn + "/withdraw", null));

        // The reception officer receives one dossier, the leader stops it; another agency's officer does not see it.
        expect(403, applicant.get("/api/v1/queue"));
        expect(200, reception.get("/api/v1/queue"));
        expect(200, reception.get("/api/v1/queue/" + code));
        expect(404, otherAgency.get("/api/v1/queue/" + code));
        expect(200, reception.get("/api/v1/refusal-reasons"));
        expect(200, reception.send("POST", "/api/v1/dossiers/" + code + "/actions/receive", null));
        expect(200, specialist.get("/api/v1/processing/work"));
        expect(200, specialist.get("/api/v1/dossiers/" + code + "/steps"));
        expect(200, leader.send("POST", "/api/v1/dossiers/" + code + "/actions/stop",
                json("{\"reason\":\"Người nộp đề nghị dừng xử lý\"}")));
        expect(409, leader.send("POST", "/api/v1/dossiers/" + code + "/actions/stop",
                json("{\"reason\":\"Lần thứ hai\"}")));
        expect(200, applicant.get("/api/v1/dossiers/" + code));
        expect(200, reception.get("/api/v1/reception/tracking-book.xlsx?from=2026-01-01&to=2026-12-31"));

        // The counter: an organisation's dossier registered by the officer, then the same request again.
        String taxCode = taxCode();
        String counterKey = UUID.randomUUID().toString();
        expect(201, reception.send("POST", "/api/v1/reception/dossiers", organisationRegistration(procedure, taxCode),
                "Idempotency-Key", counterKey));
        expect(200, reception.send("POST", "/api/v1/reception/dossiers", organisationRegistration(procedure, taxCode),
                "Idempotency-Key", counterKey));

        // Anyone, by code: lookup and verification.
        expect(200, anyone.get("/api/v1/lookup/" + code));
        expect(404, anyone.get("/api/v1/lookup/" + JUSTICE + "-000101-9999"));
        expect(200, anyone.get("/api/v1/verify/" + code + "-KQ9"));
        expect(200, anyone.send("POST", "/api/v1/verify", new Multipart().file("file", "ket-qua.pdf", pdf())));
        expect(400, anyone.send("POST", "/api/v1/verify", new Multipart().file("file", "ket-qua.pdf",
                "không phải PDF".getBytes(StandardCharsets.UTF_8))));

        // A system (OAuth2 client credentials) reads the event feed; a made-up token is refused.
        Caller system = new Caller();
        HttpResponse<byte[]> token = system.http.send(HttpRequest.newBuilder(at("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "dvcqg-sync:DemoSync-GiaLai-2026-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=events.read")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        system.bearer = mapper.readTree(token.body()).path("access_token").asString();
        expect(200, system.get("/api/v1/integration/events"));
        system.bearer = "nonsense";
        expect(401, system.get("/api/v1/integration/events"));

        // The per-address limits, from an address of their own (through MockMvc, which can set it), so that the
        // other tests calling from 127.0.0.1 keep theirs.
        expect(429, repeatUntilRefused("/api/v1/lookup/" + code));
        expect(429, repeatUntilRefused("/api/v1/verify/" + code + "-KQ9"));

        assertThat(untrue).as("answers docs/openapi.json does not describe truly").isEmpty();
        assertThat(covered.keySet()).as("operations checked").hasSizeGreaterThanOrEqualTo(35).contains(
                "GET /api/v1/procedures", "GET /api/v1/procedures/{code}", "POST /api/v1/dossiers",
                "GET /api/v1/dossiers/mine", "GET /api/v1/dossiers/{code}", "POST /api/v1/dossiers/{code}/withdraw",
                "POST /api/v1/dossiers/{code}/actions/{action}", "POST /api/v1/reception/dossiers",
                "GET /api/v1/lookup/{code}", "GET /api/v1/verify/{resultCode}", "POST /api/v1/verify",
                "GET /api/v1/statistics/processing", "GET /api/v1/calendar/due", "GET /api/v1/plans/{year}",
                "GET /api/v1/integration/events");
        assertThat(covered.values().stream().flatMap(Set::stream).toList()).as("statuses checked")
                .contains(200, 201, 400, 401, 403, 404, 409, 422, 429);
    }

    /** An answer as a client reads it. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /** Checks an answer against the document and records what it covered. */
    Answer check(String method, String path, Answer answer) {
        contract.operation(method, path).ifPresent(operation -> covered
                .computeIfAbsent(operation.name(), o -> new TreeSet<>()).add(answer.status()));
        untrue.addAll(contract.check(method, path, answer.status(), answer.contentType(), answer.body()));
        return answer;
    }

    /** The sequence needs this status to go on; answers the body when it is JSON. */
    JsonNode expect(int status, Answer answer) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(text).isEqualTo(status);
        String type = answer.contentType();
        return type != null && type.contains("json") ? mapper.readTree(text) : mapper.missingNode();
    }

    /** The same public call from one fresh address until the limit refuses it (checking each answer). */
    Answer repeatUntilRefused(String path) throws Exception {
        String address = "10.89." + ThreadLocalRandom.current().nextInt(250) + "." + ThreadLocalRandom.current()
                .nextInt(1, 250);
        for (int i = 0; i < 200; i++) {
            MockHttpServletResponse response = mvc.perform(get(path).with(request -> {
                request.setRemoteAddr(address);
                return request;
            })).andReturn().getResponse();
            Answer answer = check("GET", path, new Answer(response.getStatus(), response.getContentType(),
                    response.getContentAsByteArray()));
            if (answer.status() != 200) {
                return answer;
            }
        }
        throw new AssertionError("no limit after 200 calls");
    }

    URI at(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * A client over real HTTP, as a script would be: its own cookies, signed in through the form (GET /login for
     * the CSRF cookie, POST /login), state changes sending the cookie's token in X-XSRF-TOKEN.
     */
    class Caller {

        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        /** Signed in through the form: state changes send the CSRF token (a system's bearer token needs none). */
        boolean csrf;
        String username;
        String bearer;

        Caller signIn(String username, String password) throws Exception {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + formToken();
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(at("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).as("sign-in of " + username + ": "
                    + signedIn.statusCode() + " " + signedIn.body())
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error", "locked"));
            csrf = true;
            this.username = username;
            return this;
        }

        Caller withoutCsrf() {
            Caller copy = new Caller();
            cookies.getCookieStore().getCookies().forEach(cookie -> copy.cookies.getCookieStore().add(null, cookie));
            copy.username = username;
            copy.csrf = false;
            return copy;
        }

        /** The sign-in form's CSRF token (its hidden field). */
        String formToken() throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(at("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(field.find()).as("a CSRF token on the sign-in page").isTrue();
            return URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
        }

        Answer get(String path) throws Exception {
            return send("GET", path, null);
        }

        /** Sends the body (null: none) with the given header names and values. */
        Answer send(String method, String path, Body body, String... headers) throws Exception {
            if (csrf && !"GET".equals(method)) {
                return sendThroughMockMvc(method, path, body, headers);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(at(path)).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            if (body != null) {
                request.header("Content-Type", body.type());
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return check(method, path, new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body()));
        }

        /**
         * A signed-in state change, with a valid CSRF token, through MockMvc as this caller's user: Spring
         * Security's test support ({@code csrf()}, used by other test classes of the same context) swaps the CSRF
         * token repository of the filter the real server shares, after which the server writes no XSRF-TOKEN
         * cookie to real clients. Its answers come from the same handlers (a refusal without a token is sent over
         * real HTTP, {@link #withoutCsrf()}).
         */
        Answer sendThroughMockMvc(String method, String path, Body body, String... headers) throws Exception {
            AbstractMockHttpServletRequestBuilder<?> request = body == null
                    ? MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path) : body.mock(method, path);
            request.accept(MediaType.APPLICATION_JSON).with(DemoAccounts.as(users, username)).with(csrf().asHeader());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            return check(method, path, new Answer(response.getStatus(), response.getContentType(),
                    response.getContentAsByteArray()));
        }
    }

    /** A request body. */
    interface Body {
        String type();

        byte[] bytes();

        /** The same request body for MockMvc. */
        default AbstractMockHttpServletRequestBuilder<?> mock(String method, String path) {
            return MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path).contentType(type())
                    .content(bytes());
        }
    }

    static Body json(String text) {
        return new Body() {
            public String type() {
                return "application/json";
            }

            public byte[] bytes() {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** A multipart/form-data body of fields and files. */
    static final class Multipart implements Body {

        private final String boundary = "----openapi" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<String[]> fields = new ArrayList<>();
        private final List<MockMultipartFile> files = new ArrayList<>();

        @Override
        public AbstractMockHttpServletRequestBuilder<?> mock(String method, String path) {
            MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(path);
            files.forEach(request::file);
            fields.forEach(field -> request.param(field[0], field[1]));
            return request;
        }

        Multipart field(String name, String value) {
            fields.add(new String[] {name, value});
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            files.add(new MockMultipartFile(name, filename, "application/pdf", content));
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/pdf\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        public String type() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }

    Multipart submission(Procedure procedure, String form) throws IOException {
        return new Multipart().field("procedureCode", procedure.code()).field("form", form)
                .file("component.1", "to-khai.pdf", pdf()).file("component.2", "cccd.pdf", pdf());
    }

    Multipart organisationRegistration(Procedure procedure, String taxCode) throws IOException {
        return new Multipart().field("procedureCode", procedure.code()).field("channel", "DIRECT").field("form", FORM)
                .field("receive", "true").field("applicantKind", "ORGANISATION").field("applicantTaxCode", taxCode)
                .field("applicantOrganisationName", "Công ty TNHH Hợp Đồng Mở")
                .field("applicantAddress", "5 Trần Hưng Đạo, Pleiku").field("applicantPhone", "0912000222")
                .field("applicantRepresentative", "Trần Văn Giám")
                .field("applicantRepresentativeCitizenId", "064085000777")
                .field("applicantRepresentativePosition", "Giám đốc")
                .file("component.1", "to-khai.pdf", pdf()).file("component.2", "cccd.pdf", pdf());
    }

    static byte[] pdf() throws IOException {
        try (InputStream in = new ClassPathResource("document/giay-to-demo.pdf").getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** A tax code with a valid check digit (weights 31, 29, 23, 19, 17, 13, 7, 5, 3) nobody has yet. */
    static String taxCode() {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        while (true) {
            String nine = String.format("59%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * weights[i];
            }
            int check = 10 - sum % 11;
            if (check < 10) {
                return nine + check;
            }
        }
    }

    /** A level-3 procedure received online and at the counter by the Department of Justice in 5 working days. */
    Procedure justiceProcedure() {
        String code = TestCodes.procedure("9.5");
        List<ChannelTerms> terms = List.of(
                new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null),
                new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null));
        ProcedureContent content = new ProcedureContent(code, "Cấp phiếu lý lịch tư pháp thử hợp đồng " + code,
                "Thử nghiệm", JUSTICE, List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)),
                ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, false, terms,
                List.of(new ComponentCase("Trường hợp chung", List.of(
                        new DossierComponent("Tờ khai yêu cầu cấp phiếu", 1, 0, true, null),
                        new DossierComponent("Bản sao căn cước công dân", 0, 1, true, null)))),
                null, null, null, null, null, "https://dichvucong.gov.vn/", "Thủ tục thử nghiệm");
        return catalogue.add(content, AgencyScope.PROVINCE, "test");
    }
}
