package vn.dvc.dossier;

import java.util.List;

import tools.jackson.core.type.TypeReference;
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

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
