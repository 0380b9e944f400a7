package vn.dvc.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves answers between an HTML form post and JSON, and changes their shape: adding and removing
 * group items, prefilling from the applicant. Answers read from a post are as typed; checking cleans
 * them.
 */
final class AnswerTrees {

    static final String PREFIX = "f.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SEGMENT = Pattern.compile("([a-z][a-zA-Z0-9]*)(?:\\[(\\d{1,4})])?");

    private AnswerTrees() {
    }

    /** Answers from request parameters named like {@code f.children[0].fullName}. */
    static ObjectNode fromParameters(FormDefinition definition, Map<String, String[]> parameters) {
        return read(definition.fields(), parameters, PREFIX);
    }

    private static ObjectNode read(List<FormField> fields, Map<String, String[]> parameters, String prefix) {
        ObjectNode out = NODES.objectNode();
        for (FormField field : fields) {
            String name = prefix + field.name();
            switch (field.type()) {
                case GROUP -> {
                    ArrayNode items = NODES.arrayNode();
                    for (int index : indices(parameters, name + "[")) {
                        items.add(read(field.fields(), parameters, name + "[" + index + "]."));
                    }
                    if (!items.isEmpty()) {
                        out.set(field.name(), items);
                    }
                }
                case CHECKBOX -> {
                    String[] values = parameters.get(name);
                    if (field.isCheckboxList()) {
                        ArrayNode ticked = NODES.arrayNode();
                        if (values != null) {
                            for (String value : values) {
                                if (value != null && !value.isBlank()) {
                                    ticked.add(value);
                                }
                            }
                        }
                        out.set(field.name(), ticked);
                    } else {
                        boolean on = values != null && List.of(values).stream()
                                .anyMatch(v -> "true".equalsIgnoreCase(v) || "on".equalsIgnoreCase(v));
                        out.put(field.name(), on);
                    }
                }
                default -> {
                    String[] values = parameters.get(name);
                    if (values != null && values.length > 0 && values[0] != null) {
                        out.put(field.name(), values[0]);
                    }
                }
            }
        }
        return out;
    }

    /** The item indices posted for a group, in order; at most {@link AnswerRules#MAX_ITEMS}. */
    private static List<Integer> indices(Map<String, String[]> parameters, String start) {
        TreeSet<Integer> found = new TreeSet<>();
        for (String key : parameters.keySet()) {
            if (key.startsWith(start)) {
                int close = key.indexOf(']', start.length());
                String digits = close < 0 ? "" : key.substring(start.length(), close);
                if (!digits.isEmpty() && digits.length() <= 4 && digits.chars().allMatch(Character::isDigit)) {
                    found.add(Integer.parseInt(digits));
                }
            }
        }
        return found.stream().limit(AnswerRules.MAX_ITEMS).toList();
    }

    /** A copy with one empty item added to the group at {@code groupPath}, unless it is full. */
    static JsonNode addItem(FormDefinition definition, JsonNode answers, String groupPath) {
        ObjectNode copy = copy(answers);
        Target target = locate(definition, copy, groupPath);
        if (target == null || target.index != null || target.field.type() != FieldType.GROUP) {
            return copy;
        }
        ArrayNode items = itemsOf(target.parent, target.field);
        int most = target.field.maxItems() == null ? AnswerRules.MAX_ITEMS : target.field.maxItems();
        // A group shows at least its fewest items even when the answers hold fewer: add after those.
        int shown = Math.max(items.size(), shownMinimum(target.field));
        while (items.size() < shown) {
            items.addObject();
        }
        if (items.size() < most) {
            items.addObject();
        }
        return copy;
    }

    /** A copy without the item at {@code itemPath} (e.g. {@code children[1]}), unless the group is at its fewest. */
    static JsonNode removeItem(FormDefinition definition, JsonNode answers, String itemPath) {
        ObjectNode copy = copy(answers);
        Target target = locate(definition, copy, itemPath);
        if (target == null || target.index == null || target.field.type() != FieldType.GROUP) {
            return copy;
        }
        ArrayNode items = itemsOf(target.parent, target.field);
        if (target.index < items.size() && items.size() > shownMinimum(target.field)) {
            items.remove(target.index);
        }
        return copy;
    }

    /** The fewest items a group shows: its minimum, one if required, one for a section. */
    static int shownMinimum(FormField group) {
        int fewest = Math.max(group.minItems() == null ? 0 : group.minItems(), group.required() ? 1 : 0);
        return group.isSection() ? 1 : fewest;
    }

    /**
     * A copy with empty fields that have a prefill key filled from the applicant's data (keys such as
     * {@code applicant.fullName}), at the top level and in sections.
     */
    static JsonNode prefill(FormDefinition definition, JsonNode answers, Map<String, String> applicant) {
        ObjectNode copy = copy(answers);
        fill(definition.fields(), copy, applicant);
        return copy;
    }

    private static void fill(List<FormField> fields, ObjectNode level, Map<String, String> applicant) {
        for (FormField field : fields) {
            if (field.type() == FieldType.GROUP) {
                if (field.isSection() && hasPrefill(field)) {
                    ArrayNode items = itemsOf(level, field);
                    if (items.isEmpty()) {
                        items.addObject();
                    }
                    if (items.get(0).isObject()) {
                        fill(field.fields(), (ObjectNode) items.get(0), applicant);
                    }
                    if (items.get(0).isEmpty()) {
                        level.remove(field.name());
                    }
                }
                continue;
            }
            String value = field.prefill() == null ? null : applicant.get(field.prefill());
            if (value != null && !value.isBlank() && AnswerScope.text(level.get(field.name())) == null) {
                level.put(field.name(), value.strip());
            }
        }
    }

    private static boolean hasPrefill(FormField group) {
        return group.fields().stream().anyMatch(f -> f.prefill() != null || (f.isSection() && hasPrefill(f)));
    }

    private static ObjectNode copy(JsonNode answers) {
        return answers != null && answers.isObject() ? (ObjectNode) answers.deepCopy() : NODES.objectNode();
    }

    private static ArrayNode itemsOf(ObjectNode level, FormField group) {
        JsonNode existing = level.get(group.name());
        if (existing instanceof ArrayNode array) {
            return array;
        }
        return level.putArray(group.name());
    }

    /** A place in the answers: the group field, the object holding it, and an item index if one was named. */
    private record Target(FormField field, ObjectNode parent, Integer index) {
    }

    /** Follows a path such as {@code parties[0].previousMarriages[1]} through the definition and the answers. */
    private static Target locate(FormDefinition definition, ObjectNode answers, String path) {
        if (path == null || path.length() > 500) {
            return null;
        }
        String[] parts = path.split("\\.");
        List<FormField> scope = definition.fields();
        ObjectNode level = answers;
        List<Target> steps = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SEGMENT.matcher(parts[i]);
            if (!m.matches()) {
                return null;
            }
            FormField field = scope.stream().filter(f -> f.name().equals(m.group(1))).findFirst().orElse(null);
            if (field == null || field.type() != FieldType.GROUP) {
                return null;
            }
            Integer index = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            steps.add(new Target(field, level, index));
            if (i < parts.length - 1) {
                if (index == null) {
                    return null;
                }
                ArrayNode items = itemsOf(level, field);
                while (items.size() <= index && items.size() < AnswerRules.MAX_ITEMS) {
                    items.addObject();
                }
                if (index >= items.size() || !items.get(index).isObject()) {
                    return null;
                }
                level = (ObjectNode) items.get(index);
                scope = field.fields();
            }
        }
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
}
