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
