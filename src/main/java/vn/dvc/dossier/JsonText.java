package vn.dvc.dossier;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON helpers for the columns this module stores as jsonb. */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonText() {
    }

    static List<String> stringList(String json) {
        return json == null ? List.of() : JSON.readValue(json, STRINGS);
    }

    /** Whether the text is one JSON object (and nothing after it). */
    static boolean isObject(String json) {
        try {
            return JSON.readTree(json).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a string or a name in the JSON holds the character U+0000 (the JSON escape of the null
     * character), which PostgreSQL's jsonb refuses.
     */
    static boolean holdsNul(String json) {
        try {
            return holdsNul(JSON.readTree(json));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isString()) {
            return node.asString().indexOf('\u0000') >= 0;
        }
        if (node.isObject() && node.propertyNames().stream().anyMatch(name -> name.indexOf('\u0000') >= 0)) {
            return true;
        }
        for (JsonNode child : node) { // the items of an array, the values of an object
            if (holdsNul(child)) {
                return true;
            }
        }
        return false;
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
