package vn.dvc.system;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.stereotype.Component;

/**
 * The API answers {@code null} for a value it does not have (a dossier not yet received has
 * {@code "receivedAt": null}), and OpenAPI 3.1 schemas are JSON Schema 2020-12, where {@code "type": "string"}
 * refuses {@code null}: every property of an API record that Java allows to be null (a reference type; a
 * primitive never is) is declared with {@code "null"} among its types, a reference or an enumeration as
 * {@code anyOf} it and {@code null}, and so are the values of a map (ADR 0032). A JSON tree
 * ({@code tools.jackson.databind.JsonNode}: a dossier's form answers, an event's payload) is a free-form
 * object, not the Java class's getters. {@code OpenApiResponsesTest} checks real answers against the file.
 */
@Component
class NullableProperties implements PropertyCustomizer {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
                new JsonSchema().types(new LinkedHashSet<>(List.of("object")))
                        .description("JSON tự do (free-form JSON object)"));
    }

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || !type.isSchemaProperty() || primitive(type.getType())) {
            return property;
        }
        if (property.getAdditionalProperties() instanceof Schema<?> values) {
            property.setAdditionalProperties(nullable(values));
        }
        return nullable(property);
    }

    private static boolean primitive(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive();
        }
        return type instanceof com.fasterxml.jackson.databind.JavaType javaType && javaType.isPrimitive();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema schema) {
        if (schema.get$ref() != null || schema.getEnum() != null) {
            Schema alternative = new JsonSchema();
            if (schema.get$ref() != null) {
                alternative.set$ref(schema.get$ref());
                schema.set$ref(null);
            } else {
                alternative.setTypes(schema.getTypes());
                alternative.setType(schema.getType());
                alternative.setEnum(new ArrayList<>(schema.getEnum()));
                alternative.setFormat(schema.getFormat());
                schema.setEnum(null);
                schema.setFormat(null);
            }
            schema.setTypes(null);
            schema.setType(null);
            schema.setAnyOf(new ArrayList<>(List.of(alternative, new JsonSchema().types(Set.of("null")))));
            return schema;
        }
        Set<String> types = schema.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(schema.getTypes());
        if (types.isEmpty() && schema.getType() != null) {
            types.add(schema.getType());
        }
        if (types.isEmpty() || types.contains("null")) {
            return schema;
        }
        types.add("null");
        schema.setTypes(types);
        return schema;
    }
}
