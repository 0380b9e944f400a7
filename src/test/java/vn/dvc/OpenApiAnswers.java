package vn.dvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an OpenAPI 3.1 document as an independent client would and says what is untrue about a real answer: a
 * status the operation does not declare (nor a {@code default} or {@code 4XX} answer), a media type it does not
 * declare for that status, a body where it declares none, or a body that does not validate against the declared
 * schema. Schemas are JSON Schema 2020-12 (OpenAPI 3.1), checked by networknt's validator with
 * {@code components/schemas} as {@code $defs}; an object schema that lists its properties and says nothing of
 * others is read as closed, because a client generated from the file has nowhere to put a field it does not
 * name. This class knows nothing of the application.
 */
final class OpenApiAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An operation of the document, with the pattern its address template matches. */
    record Operation(String method, String template, Pattern address, int literalLength, JsonNode spec) {

        String name() {
            return method + " " + template;
        }
    }

    private final List<Operation> operations = new ArrayList<>();
    private final ObjectNode definitions;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<JsonNode, Schema> schemas = new HashMap<>();

    OpenApiAnswers(JsonNode document) {
        if (!document.path("openapi").asString().startsWith("3.1")) {
            throw new IllegalArgumentException("an OpenAPI 3.1 document is expected (JSON Schema 2020-12 schemas), not "
                    + document.path("openapi").asString());
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        pattern(path.getKey()), path.getKey().replaceAll("\\{[^}]*}", "").length(),
                        operation.getValue()));
            }
        }
        definitions = (ObjectNode) closed(document.path("components").path("schemas").deepCopy());
    }

    static OpenApiAnswers read(Path file) throws IOException {
        return new OpenApiAnswers(JSON.readTree(Files.readString(file)));
    }

    /** A template's variables match one path segment, or part of one ({@code /ranking/{year}.csv}). */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = Pattern.compile("\\{[^}]*}").matcher(template);
        int at = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(at, variable.start()))).append("[^/]+?");
            at = variable.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).toString());
    }

    /** The operation a request reaches: the template with the most literal text wins, as in Spring MVC. */
    Optional<Operation> operation(String method, String path) {
        String address = path.replaceAll("[?#].*$", "");
        return operations.stream()
                .filter(o -> o.method().equals(method.toUpperCase(Locale.ROOT)))
                .filter(o -> o.address().matcher(address).matches())
                .max(Comparator.comparingInt(Operation::literalLength));
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /**
     * What the document says untruly about this answer; empty when an independent client reading the document
     * would accept it.
     */
    List<String> check(String method, String path, int status, String contentType, byte[] body) {
        String call = method + " " + path + " → " + status;
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of(call + ": no operation of the document matches");
        }
        Operation operation = found.get();
        JsonNode responses = operation.spec().path("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.has(code) ? responses.get(code)
                : responses.has(code.charAt(0) + "XX") ? responses.get(code.charAt(0) + "XX")
                : responses.path("default");
        if (response.isMissingNode()) {
            return List.of(call + ": " + operation.name() + " declares only " + responses.propertyNames());
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && body.length > 0;
        if (content.isMissingNode() || content.isEmpty()) {
            return hasBody ? List.of(call + ": a body (" + contentType + ") where the document declares none")
                    : List.of();
        }
        if (!hasBody) {
            return List.of(call + ": no body where the document declares " + content.propertyNames());
        }
        String type = contentType == null ? "" : contentType.replaceAll(";.*$", "").trim().toLowerCase(Locale.ROOT);
        JsonNode media = mediaType(content, type);
        if (media == null) {
            return List.of(call + ": media type " + type + " not among " + content.propertyNames());
        }
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return List.of();
        }
        JsonNode declared = media.path("schema");
        if (declared.isMissingNode()) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return List.of(call + ": the body is not JSON: " + e.getMessage());
        }
        return validate(declared, instance).stream().map(error -> call + ": " + error).toList();
    }

    /** The schema errors of an instance against a schema of the document (a {@code $ref} or inline). */
    List<String> validate(JsonNode declared, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(declared, d -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", definitions);
            root.set("allOf", JSON.createArrayNode().add(closed(d.deepCopy())));
            return registry.getSchema(root);
        });
        return schema.validate(instance).stream().map(Object::toString).toList();
    }

    /** The declared media type for an answer's type: exact, then {@code type/*}, then {@code * /*}. */
    private static JsonNode mediaType(JsonNode content, String type) {
        for (Map.Entry<String, JsonNode> declared : content.properties()) {
            if (declared.getKey().replaceAll(";.*$", "").trim().equalsIgnoreCase(type)) {
                return declared.getValue();
            }
        }
        String range = type.replaceAll("/.*$", "/*");
        return content.has(range) ? content.get(range) : content.has("*/*") ? content.get("*/*") : null;
    }

    /** References into components/schemas point at $defs; objects that list their properties are closed. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("$ref")) {
                object.put("$ref", object.get("$ref").asString().replace("#/components/schemas/", "#/$defs/"));
            }
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (member.getKey().equals("properties") || member.getKey().equals("$defs")) {
                    member.getValue().properties().forEach(property -> closed(property.getValue()));
                } else if (!member.getKey().equals("example") && !member.getKey().equals("examples")) {
                    closed(member.getValue());
                }
            }
        } else if (schema instanceof ArrayNode array) {
            array.forEach(OpenApiAnswers::closed);
        }
        return schema;
    }
}
