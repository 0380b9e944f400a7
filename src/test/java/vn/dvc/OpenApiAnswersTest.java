package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The checker of {@link OpenApiResponsesTest} refuses what an independent client would refuse. */
class OpenApiAnswersTest {

    static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/things/{code}": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/things/mine": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Thing"}}}}}}}},
               "/things/{code}.csv": {"get": {"responses": {"200": {"content": {"text/csv": {}}}}}},
               "/things/{code}/mark": {"post": {"responses": {"204": {"description": "done"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["code"], "properties": {
                 "code": {"type": "string"}, "count": {"type": "integer", "format": "int32"},
                 "note": {"type": ["string", "null"]}}},
               "Problem": {"type": "object", "required": ["status"], "properties": {
                 "status": {"type": "integer"}, "detail": {"type": "string"}}}}}}
            """;

    final OpenApiAnswers contract = new OpenApiAnswers(JsonMapper.builder().build().readTree(DOCUMENT));

    static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAnswersTheDocumentDescribes() {
        assertThat(contract.check("GET", "/things/A1", 200, "application/json",
                body("{\"code\":\"A1\",\"count\":2,\"note\":null}"))).isEmpty();
        assertThat(contract.check("GET", "/things/mine", 200, "application/json;charset=UTF-8",
                body("[{\"code\":\"A1\"}]"))).isEmpty();
        assertThat(contract.check("GET", "/things/A1", 404, "application/problem+json",
                body("{\"status\":404,\"detail\":\"không có\"}"))).isEmpty();
        assertThat(contract.check("GET", "/things/A1.csv", 200, "text/csv", body("code\nA1\n"))).isEmpty();
        assertThat(contract.check("POST", "/things/A1/mark", 204, null, new byte[0])).isEmpty();
    }

    @Test
    void refusesAWrongBody() {
        assertThat(contract.check("GET", "/things/A1", 200, "application/json", body("{\"code\":5}")))
                .singleElement().asString().contains("/code");
        assertThat(contract.check("GET", "/things/A1", 200, "application/json", body("{\"count\":1}")))
                .singleElement().asString().contains("code");
        assertThat(contract.check("GET", "/things/mine", 200, "application/json", body("{\"code\":\"A1\"}")))
                .isNotEmpty();
        assertThat(contract.check("GET", "/things/A1", 200, "application/json", body("{\"code\":\"A1\",\"count\":null}")))
                .as("null where the schema does not allow it").isNotEmpty();
        assertThat(contract.check("GET", "/things/A1", 200, "application/json", body("not json"))).isNotEmpty();
    }

    @Test
    void refusesAFieldTheSchemaDoesNotName() {
        assertThat(contract.check("GET", "/things/A1", 200, "application/json",
                body("{\"code\":\"A1\",\"withdrawn\":3}"))).singleElement().asString().contains("withdrawn");
    }

    @Test
    void refusesAStatusOrMediaTypeOrBodyTheOperationDoesNotDeclare() {
        assertThat(contract.check("GET", "/things/A1", 409, "application/problem+json", body("{\"status\":409}")))
                .singleElement().asString().contains("declares only");
        assertThat(contract.check("GET", "/things/A1", 200, "text/html", body("<p>A1</p>")))
                .singleElement().asString().contains("media type");
        assertThat(contract.check("POST", "/things/A1/mark", 204, "application/json", body("{}")))
                .singleElement().asString().contains("declares none");
        assertThat(contract.check("GET", "/nothing", 200, "application/json", body("{}")))
                .singleElement().asString().contains("no operation");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertThat(contract.operation("GET", "/things/mine")).get().extracting(OpenApiAnswers.Operation::template)
                .isEqualTo("/things/mine");
        assertThat(contract.operation("GET", "/things/A1.csv")).get().extracting(OpenApiAnswers.Operation::template)
                .isEqualTo("/things/{code}.csv");
        assertThat(contract.operation("GET", "/things/A1?x=1")).get().extracting(OpenApiAnswers.Operation::template)
                .isEqualTo("/things/{code}");
    }
}
