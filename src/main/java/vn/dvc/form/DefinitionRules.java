package vn.dvc.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import vn.dvc.shared.VietnameseText;

/**
 * The rules a form definition must satisfy before an administrator may save it: names, labels, types
 * and their attributes, conditions that refer to fields that exist without going round in a circle,
 * prefill keys that fit the field. Pure, so each rule is unit-testable.
 */
final class DefinitionRules {

    /**
     * One broken rule.
     *
     * @param path      the field's names from the top, e.g. {@code parties.fullName}; "" for the form
     * @param attribute which attribute of the field, as the editor names its inputs
     */
    record Problem(String path, String attribute, String messageKey, List<Object> args) {

        Problem(String path, String attribute, String messageKey, Object... args) {
            this(path, attribute, messageKey, List.of(args));
        }
    }

    static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    static final int MAX_FIELDS = 300;
    static final int MAX_DEPTH = 3;
    static final int MAX_LABEL = 300;
    static final int MAX_HELP = 1000;
    static final int MAX_PATTERN = 500;
    static final int MAX_OPTIONS = 200;
    static final int MAX_OPTION_VALUE = 100;
    static final int MAX_LENGTH_LIMIT = 10_000;
    static final int MAX_MIN_AGE = 120;

    private final List<Problem> problems = new ArrayList<>();
    private final Map<FormField, FormField> references = new IdentityHashMap<>();
    private final List<FormField> conditional = new ArrayList<>();
    private final Map<FormField, String> paths = new IdentityHashMap<>();
    private int count;

    private DefinitionRules() {
    }

    static List<Problem> check(FormDefinition definition) {
        DefinitionRules rules = new DefinitionRules();
        if (definition == null || definition.fields().isEmpty()) {
            rules.problems.add(new Problem("", "fields", "form.def.empty"));
            return rules.problems;
        }
        rules.level(definition.fields(), List.of(), "", 1, false);
        if (rules.count > MAX_FIELDS) {
            rules.problems.add(new Problem("", "fields", "form.def.too-many", MAX_FIELDS));
        }
        rules.cycles();
        return rules.problems;
    }

    /**
     * @param outer the enclosing levels, nearest last, whose fields a condition may also name
     * @param repeating whether this level is inside a group that repeats
     */
    private void level(List<FormField> fields, List<List<FormField>> outer, String prefix, int depth,
            boolean repeating) {
        Set<String> names = new HashSet<>();
        List<List<FormField>> scopes = new ArrayList<>(outer);
        scopes.add(fields);
        for (FormField field : fields) {
            count++;
            String path = prefix + (field.name() == null ? "" : field.name());
            paths.put(field, path);
            if (field.name() == null || !NAME.matcher(field.name()).matches()) {
                add(path, "name", "form.def.name");
            } else if (!names.add(field.name())) {
                add(path, "name", "form.def.name-taken", field.name());
            }
            text(path, "label", field.label(), true, MAX_LABEL);
            text(path, "labelEn", field.labelEn(), false, MAX_LABEL);
            text(path, "help", field.help(), false, MAX_HELP);
            if (field.type() == null) {
                add(path, "type", "form.def.type");
                continue;
            }
            textRules(field, path);
            numberRules(field, path);
            ageRules(field, path);
            optionRules(field, path);
            condition(field, scopes, path);
            prefillRules(field, path, repeating);
            if (field.type() == FieldType.GROUP) {
                groupRules(field, path, depth);
                if (!field.fields().isEmpty() && depth < MAX_DEPTH + 1) {
                    boolean repeats = repeating || !field.isSection();
                    level(field.fields(), scopes, path + ".", depth + 1, repeats);
                }
            } else if (!field.fields().isEmpty() || field.minItems() != null || field.maxItems() != null) {
                add(path, "fields", "form.def.group-only");
            }
        }
    }

    private void textRules(FormField field, String path) {
        boolean lengths = field.minLength() != null || field.maxLength() != null;
        if (lengths && !field.type().isText()) {
            add(path, "maxLength", "form.def.lengths-type");
        } else if (lengths && (negative(field.minLength()) || negative(field.maxLength())
                || over(field.minLength()) || over(field.maxLength()) || (field.minLength() != null
                && field.maxLength() != null && field.minLength() > field.maxLength())
                || (field.maxLength() != null && field.maxLength() == 0))) {
            add(path, "maxLength", "form.def.lengths", MAX_LENGTH_LIMIT);
        }
        if (field.pattern() != null) {
            if (!field.type().isText()) {
                add(path, "pattern", "form.def.pattern-type");
            } else if (field.pattern().length() > MAX_PATTERN) {
                add(path, "pattern", "form.def.too-long", MAX_PATTERN);
            } else {
                try {
                    Pattern.compile(field.pattern());
                } catch (PatternSyntaxException e) {
                    add(path, "pattern", "form.def.pattern", e.getDescription());
                }
            }
        }
        if (field.patternMessage() != null && field.pattern() == null) {
            add(path, "patternMessage", "form.def.pattern-message");
        }
        text(path, "patternMessage", field.patternMessage(), false, MAX_LABEL);
    }

    private void numberRules(FormField field, String path) {
        if (field.min() == null && field.max() == null) {
            return;
        }
        if (!field.type().isNumeric()) {
            add(path, "min", "form.def.range-type");
            return;
        }
        if (field.type() == FieldType.INTEGER && (!whole(field.min()) || !whole(field.max()))) {
            add(path, "min", "form.def.range-integer", AnswerRules.MAX_INTEGER_DIGITS);
        } else if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            add(path, "min", "form.def.range");
        }
    }

    /** A whole number a long holds (or no bound at all). */
    private static boolean whole(java.math.BigDecimal bound) {
        if (bound == null) {
            return true;
        }
        java.math.BigDecimal exact = bound.stripTrailingZeros();
        return exact.scale() <= 0 && exact.abs().toPlainString().length() <= AnswerRules.MAX_INTEGER_DIGITS;
    }

    private void ageRules(FormField field, String path) {
        if (field.minAge() == null) {
            return;
        }
        if (field.type() != FieldType.DATE) {
            add(path, "minAge", "form.def.min-age-type");
        } else if (field.minAge() < 0 || field.minAge() > MAX_MIN_AGE) {
            add(path, "minAge", "form.def.min-age", MAX_MIN_AGE);
        }
    }

    private void optionRules(FormField field, String path) {
        List<Option> options = field.options();
        if (!field.type().hasOptions()) {
            if (!options.isEmpty()) {
                add(path, "options", "form.def.options-type");
            }
            return;
        }
        if (options.isEmpty() && field.type() != FieldType.CHECKBOX) {
            add(path, "options", "form.def.options-required");
            return;
        }
        if (options.size() > MAX_OPTIONS) {
            add(path, "options", "form.def.options-too-many", MAX_OPTIONS);
        }
        Set<String> values = new HashSet<>();
        for (Option option : options) {
            String value = option.value();
            if (value == null || value.isBlank() || value.length() > MAX_OPTION_VALUE
                    || value.contains("|") || value.contains(",") || value.contains("\n") || !value.equals(value.strip())) {
                add(path, "options", "form.def.option-value", value == null ? "" : value, MAX_OPTION_VALUE);
            } else if (!values.add(value)) {
                add(path, "options", "form.def.option-duplicate", value);
            }
            if (option.label() == null || option.label().isBlank() || option.label().length() > MAX_LABEL
                    || (option.labelEn() != null && option.labelEn().length() > MAX_LABEL)) {
                add(path, "options", "form.def.option-label", value == null ? "" : value, MAX_LABEL);
            }
        }
    }

    private void condition(FormField field, List<List<FormField>> scopes, String path) {
        Condition condition = field.visibleWhen();
        if (condition == null) {
            return;
        }
        FormField other = null;
        for (int i = scopes.size() - 1; i >= 0 && other == null; i--) {
            for (FormField candidate : scopes.get(i)) {
                if (candidate.name() != null && candidate.name().equals(condition.field())) {
                    other = candidate;
                    break;
                }
            }
        }
        if (other == null || other == field) {
            add(path, "visibleWhen", "form.def.condition-field", condition.field() == null ? "" : condition.field());
            return;
        }
        if (other.type() == FieldType.GROUP) {
            add(path, "visibleWhen", "form.def.condition-group", other.name());
            return;
        }
        if (condition.values().isEmpty() || condition.values().stream()
                .anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_OPTION_VALUE)) {
            add(path, "visibleWhen", "form.def.condition-values");
            return;
        }
        if (other.type() == FieldType.CHECKBOX && !other.isCheckboxList()) {
            if (!Set.of("true", "false").containsAll(condition.values())) {
                add(path, "visibleWhen", "form.def.condition-checkbox");
            }
        } else if (other.type() != null && other.type().hasOptions()) {
            for (String value : condition.values()) {
                if (other.options().stream().noneMatch(o -> value.equals(o.value()))) {
                    add(path, "visibleWhen", "form.def.condition-option", value, other.name());
                }
            }
        }
        references.put(field, other);
        conditional.add(field);
    }

    private void prefillRules(FormField field, String path, boolean repeating) {
        String key = field.prefill();
        if (key == null) {
            return;
        }
        if (!FormField.PREFILL_KEYS.contains(key)) {
            add(path, "prefill", "form.def.prefill", key);
            return;
        }
        if (repeating) {
            add(path, "prefill", "form.def.prefill-repeating");
            return;
        }
        Set<FieldType> fits = switch (key) {
            case PrefillKeys.DATE_OF_BIRTH -> Set.of(FieldType.DATE);
            case PrefillKeys.CITIZEN_ID -> Set.of(FieldType.CITIZEN_ID, FieldType.TEXT);
            case PrefillKeys.PHONE -> Set.of(FieldType.PHONE, FieldType.TEXT);
            case PrefillKeys.EMAIL -> Set.of(FieldType.EMAIL, FieldType.TEXT);
            case PrefillKeys.TAX_CODE -> Set.of(FieldType.TAX_CODE, FieldType.TEXT);
            case PrefillKeys.FULL_NAME, PrefillKeys.REPRESENTATIVE ->
                    Set.of(FieldType.PERSON_NAME, FieldType.TEXT, FieldType.TEXTAREA);
            default -> Set.of(FieldType.TEXT, FieldType.TEXTAREA);
        };
        if (!fits.contains(field.type())) {
            add(path, "prefill", "form.def.prefill-type", key);
        }
    }

    private void groupRules(FormField field, String path, int depth) {
        if (field.fields().isEmpty()) {
            add(path, "fields", "form.def.group-fields");
        }
        if (depth > MAX_DEPTH) {
            add(path, "fields", "form.def.depth", MAX_DEPTH);
        }
        Integer fewest = field.minItems();
        Integer most = field.maxItems();
        if ((fewest != null && (fewest < 0 || fewest > AnswerRules.MAX_ITEMS))
                || (most != null && (most < 1 || most > AnswerRules.MAX_ITEMS))
                || (fewest != null && most != null && fewest > most)) {
            add(path, "items", "form.def.items", AnswerRules.MAX_ITEMS);
        }
    }

    /** Conditions must not go round: a field shown when another is shown when the first is shown. */
    private void cycles() {
        Set<FormField> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (FormField start : conditional) {
            List<FormField> chain = new ArrayList<>();
            FormField current = start;
            while (current != null && !containsSame(chain, current)) {
                chain.add(current);
                current = references.get(current);
            }
            if (current == start && chain.stream().noneMatch(reported::contains)) {
                reported.addAll(chain);
                add(paths.get(start), "visibleWhen", "form.def.cycle",
                        String.join(" → ", chain.stream().map(FormField::name).toList()) + " → " + start.name());
            }
        }
    }

    private static boolean containsSame(List<FormField> fields, FormField field) {
        for (FormField f : fields) {
            if (f == field) {
                return true;
            }
        }
        return false;
    }

    private void text(String path, String attribute, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(path, attribute, "form.def.label");
            }
        } else if (value.length() > max) {
            add(path, attribute, "form.def.too-long", max);
        }
    }

    private void add(String path, String attribute, String key, Object... args) {
        problems.add(new Problem(path, attribute, key, args));
    }

    private static boolean negative(Integer value) {
        return value != null && value < 0;
    }

    private static boolean over(Integer value) {
        return value != null && value > MAX_LENGTH_LIMIT;
    }

    /**
     * What is stored: texts in NFC and trimmed, blank optional texts as null, names trimmed. Applied
     * before the rules, so that what is checked is what is saved.
     */
    static FormDefinition normalise(FormDefinition definition) {
        return new FormDefinition(definition.fields().stream().map(DefinitionRules::normalise).toList());
    }

    private static FormField normalise(FormField f) {
        List<Option> options = f.options().stream().map(o -> new Option(strip(o.value()),
                nfc(o.label()), nfc(o.labelEn()))).toList();
        Condition condition = f.visibleWhen() == null ? null : new Condition(strip(f.visibleWhen().field()),
                f.visibleWhen().values().stream().map(v -> v == null ? null : VietnameseText.nfc(v)).toList());
        return new FormField(strip(f.name()), nfc(f.label()), nfc(f.labelEn()), f.type(), f.required(),
                f.pattern() == null || f.pattern().isEmpty() ? null : f.pattern(), nfc(f.patternMessage()),
                f.minLength(), f.maxLength(), f.min(), f.max(), f.minAge(), options, condition,
                f.fields().stream().map(DefinitionRules::normalise).toList(), f.minItems(), f.maxItems(),
                strip(f.prefill()), nfc(f.help()));
    }

    private static String nfc(String value) {
        String text = VietnameseText.nfc(value);
        return text == null || text.isEmpty() ? null : text;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
