package vn.dvc.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import vn.dvc.shared.VietnameseText;

/**
 * The answers of one level of a form (the form itself, or one item of a group), read leniently, with
 * what conditions need: a field's value, and whether a field is shown. A condition names a field of
 * its own level or of an enclosing one, the nearest first.
 */
final class AnswerScope {

    final List<FormField> fields;
    final JsonNode input;
    final AnswerScope parent;
    /** Where this level sits in the answers: "" for the form, "children[1]." for an item. */
    final String pathPrefix;
    private final Map<String, Boolean> visibility = new HashMap<>();

    AnswerScope(List<FormField> fields, JsonNode input, AnswerScope parent, String pathPrefix) {
        this.fields = fields;
        this.input = input == null || !input.isObject() ? null : input;
        this.parent = parent;
        this.pathPrefix = pathPrefix;
    }

    FormField field(String name) {
        for (FormField f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The level that declares {@code name}, searching outwards; null when none does. */
    AnswerScope owner(String name) {
        for (AnswerScope s = this; s != null; s = s.parent) {
            if (s.field(name) != null) {
                return s;
            }
        }
        return null;
    }

    JsonNode node(String name) {
        return input == null ? null : input.get(name);
    }

    /** A scalar answer as text: trimmed, NFC; null when empty. Numbers and booleans as their text. */
    String text(String name) {
        return text(node(name));
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        String value = node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
        value = VietnameseText.nfc(value);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A single checkbox: ticked when true, "true" or "on". */
    static boolean ticked(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String value = text(node);
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
    }

    /** The ticked values of a checkbox list: distinct, trimmed, in order; one text counts as a list of one. */
    static List<String> list(JsonNode node) {
        Set<String> values = new LinkedHashSet<>();
        if (node != null && node.isArray()) {
            for (JsonNode element : node.values()) {
                String value = text(element);
                if (value != null) {
                    values.add(value);
                }
            }
        } else {
            String value = text(node);
            if (value != null) {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }

    /** The items of a group: each an object (anything else counts as an empty item). */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(items::add);
        }
        return items;
    }

    /** Whether a field of this level is shown: its condition holds on a shown field. */
    boolean visible(FormField field) {
        return visible(field, new HashSet<>());
    }

    private boolean visible(FormField field, Set<FormField> visiting) {
        Boolean known = visibility.get(field.name());
        if (known != null) {
            return known;
        }
        Condition condition = field.visibleWhen();
        boolean shown = true;
        if (condition != null && condition.field() != null) {
            AnswerScope scope = owner(condition.field());
            FormField other = scope == null ? null : scope.field(condition.field());
            // A condition on an unknown field is ignored: showing (and so checking) is the safe side.
            if (other != null && other != field) {
                if (!visiting.add(field)) {
                    return false;
                }
                shown = scope.visible(other, visiting) && matches(other, scope.node(other.name()), condition.values());
                visiting.remove(field);
            }
        }
        visibility.put(field.name(), shown);
        return shown;
    }

    /** Whether an answer is one of the values: numbers compare as numbers, boxes as "true"/"false". */
    static boolean matches(FormField field, JsonNode node, List<String> values) {
        if (field.type() == FieldType.CHECKBOX && !field.isCheckboxList()) {
            return values.contains(String.valueOf(ticked(node)));
        }
        if (field.isCheckboxList()) {
            return list(node).stream().anyMatch(values::contains);
        }
        String value = text(node);
        if (value == null) {
            return false;
        }
        if (values.contains(value)) {
            return true;
        }
        if (field.type() == FieldType.NUMBER) {
            java.math.BigDecimal number = AnswerRules.number(value);
            return number != null && values.stream().map(AnswerRules::number)
                    .anyMatch(v -> v != null && v.compareTo(number) == 0);
        }
        return false;
    }
}
