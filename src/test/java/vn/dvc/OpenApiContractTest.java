package vn.dvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI file (docs/openapi.json) is the API contract: it must equal what the running
 * application generates. When an endpoint changes on purpose, copy target/openapi-generated.json over
 * it in the same commit.
 */
@IntegrationTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    static final Path GENERATED = Path.of("target/openapi-generated.json");

    @Autowired
    MockMvc mvc;

    /**
     * Springdoc names a schema after the class's simple name: two API records of the same name (the applicant's
     * and the officer's {@code SupplementView}, say) would share one schema, and the document would describe one
     * of them wrongly. Every record nested in a controller has a schema name of its own.
     */
    @Test
    void noTwoApiRecordsShareASchemaName() throws Exception {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.web.bind.annotation.RestController.class));
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("vn.dvc")) {
            for (Class<?> nested : Class.forName(candidate.getBeanClassName()).getDeclaredClasses()) {
                if (!nested.isRecord() && !nested.isEnum()) {
                    continue;
                }
                var schema = nested.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                String name = schema != null && !schema.name().isEmpty() ? schema.name() : nested.getSimpleName();
                byName.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(nested.getName());
            }
        }
        assertThat(byName).as("schema names used by more than one API record").allSatisfy(
                (name, classes) -> assertThat(classes).as(name).hasSize(1));
    }

    /** A client generated from the file sends a multipart endpoint's fields as form parts, not in the address. */
    @Test
    void multipartEndpointsDescribeTheirFieldsAsPartsOfTheBody() throws Exception {
        JsonNode api = JsonMapper.builder().build().readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        JsonNode submit = api.at("/paths/~1api~1v1~1dossiers/post");
        JsonNode body = submit.at("/requestBody/content/multipart~1form-data/schema");
        assertThat(body.at("/properties/procedureCode/type").asString()).isEqualTo("string");
        assertThat(body.at("/properties/form").isMissingNode()).isFalse();
        assertThat(body.at("/additionalProperties/format").asString()).isEqualTo("binary");
        assertThat(body.at("/required").toString()).contains("procedureCode");
        api.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getValue().at("/requestBody/content/multipart~1form-data").isMissingNode()) {
                assertThat(operation.getValue().at("/parameters").findValuesAsString("in"))
                        .as(operation.getKey() + " " + path.getKey()).doesNotContain("query");
            }
        }));
    }

    @Test
    void committedOpenApiFileMatchesTheGeneratedOne() throws Exception {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode generated = json.readTree(body);
        ((tools.jackson.databind.node.ObjectNode) generated).remove("servers");
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, json.writeValueAsString(json.treeToValue(generated, Object.class)) + "\n");
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json is missing; see " + GENERATED).isTrue();
        JsonNode committed = json.readTree(Files.readString(COMMITTED));
        assertThat(committed).as("docs/openapi.json differs from the generated API; see " + GENERATED)
                .isEqualTo(generated);
    }
}
