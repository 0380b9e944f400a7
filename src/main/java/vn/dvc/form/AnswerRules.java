package vn.dvc.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.dvc.shared.PersonName;
import vn.dvc.shared.VietnameseText;

/**
 * Checks answers against a form definition and cleans them. Pure: the messages and today's date are
 * given, so every rule is unit-testable. A draft is checked for types only (required fields and the
 * fewest items of a group are not enforced), so that a half-filled form can be saved.
 */
final class AnswerRules {

    /** Resolves a bundle key in the request's language. */
    interface Messages {
        String get(String key, Object... args);
    }

    static final int DEFAULT_MAX_TEXT = 1000;
    static final int DEFAULT_MAX_TEXTAREA = 10_000;
    /** More items than this are never read, whatever the definition says. */
    static final int MAX_ITEMS = 100;
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,20}([.,]\\d{1,10})?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern WITH_SEPARATOR = Pattern.compile("[+-]?\\d*[.,][\\d.,]*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]");
    /** A long holds 18 digits whatever they are. */
    static final int MAX_INTEGER_DIGITS = 18;
    // The HTML specification's e-mail address syntax, with at least one dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
            + "(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final long PATTERN_BUDGET = 1_000_000;

    private final Messages messages;
    private final LocalDate today;
    private final boolean draft;
    private final List<FieldProblem> problems = new ArrayList<>();

    private AnswerRules(Messages messages, LocalDate today, boolean draft) {
        this.messages = messages;
        this.today = today;
        this.draft = draft;
    }

    static FormCheck check(FormDefinition definition, JsonNode answers, boolean draft, LocalDate today,
            Messages messages) {
        AnswerRules rules = new AnswerRules(messages, today, draft);
        ObjectNode clean = rules.level(new AnswerScope(definition.fields(), answers, null, ""));
        return new FormCheck(rules.problems, clean);
    }

    private ObjectNode level(AnswerScope scope) {
        ObjectNode out = NODES.objectNode();
        for (FormField field : scope.fields) {
            if (!scope.visible(field)) {
                continue; // hidden: neither checked nor kept
            }
            String path = scope.pathPrefix + field.name();
            JsonNode node = scope.node(field.name());
            switch (field.type()) {
                case GROUP -> group(field, scope, node, path, out);
                case CHECKBOX -> {
                    if (field.isCheckboxList()) {
                        checkboxes(field, node, path, out);
                    } else {
                        boolean ticked = AnswerScope.ticked(node);
                        if (!ticked && field.required() && !draft) {
                            problem(path, "form.rule.required-check");
                        }
                        out.put(field.name(), ticked);
                    }
                }
                default -> scalar(field, scope, AnswerScope.text(node), path, out);
            }
        }
        return out;
    }

    private void group(FormField field, AnswerScope scope, JsonNode node, String path, ObjectNode out) {
        List<JsonNode> items = AnswerScope.items(node);
        if (items.size() > MAX_ITEMS) {
            items = items.subList(0, MAX_ITEMS);
        }
        ArrayNode cleanItems = NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            AnswerScope item = new AnswerScope(field.fields(), items.get(i), scope, path + "[" + i + "].");
            if (optionalSection(field) && blank(item)) {
                continue; // an optional section left empty is not provided
            }
            cleanItems.add(level(item));
        }
        int fewest = Math.max(field.minItems() == null ? 0 : field.minItems(), field.required() ? 1 : 0);
        if (!draft && cleanItems.size() < fewest) {
            if (cleanItems.isEmpty() && fewest == 1) {
                problem(path, "form.rule.required");
            } else {
                problem(path, "form.rule.min-items", fewest);
            }
        }
        if (field.maxItems() != null && cleanItems.size() > field.maxItems()) {
            problem(path, "form.rule.max-items", field.maxItems());
        }
        if (!cleanItems.isEmpty()) {
            out.set(field.name(), cleanItems);
        }
    }

    private static boolean optionalSection(FormField field) {
        return field.isSection() && !field.required() && (field.minItems() == null || field.minItems() == 0);
    }

    /** Whether an item has nothing filled in (an unticked box counts as nothing). */
    private static boolean blank(AnswerScope item) {
        for (FormField f : item.fields) {
            JsonNode node = item.node(f.name());
            boolean empty = switch (f.type()) {
                case GROUP -> AnswerScope.items(node).isEmpty();
                case CHECKBOX -> f.isCheckboxList() ? AnswerScope.list(node).isEmpty() : !AnswerScope.ticked(node);
                default -> AnswerScope.text(node) == null;
            };
            if (!empty) {
                return false;
            }
        }
        return true;
    }

    private void checkboxes(FormField field, JsonNode node, String path, ObjectNode out) {
        List<String> values = AnswerScope.list(node);
        if (values.isEmpty()) {
            if (field.required() && !draft) {
                problem(path, "form.rule.required-checks");
            }
            return;
        }
        if (values.stream().anyMatch(v -> field.options().stream().noneMatch(o -> o.value().equals(v)))) {
            problem(path, "form.rule.option");
        }
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        out.set(field.name(), array);
    }

    private void scalar(FormField field, AnswerScope scope, String value, String path, ObjectNode out) {
        if (value == null) {
            if (field.required() && !draft) {
                problem(path, field.type() == FieldType.SELECT || field.type() == FieldType.RADIO
                        ? "form.rule.required-choice" : "form.rule.required");
            }
            return;
        }
        int limit = field.maxLength() != null ? field.maxLength()
                : field.type() == FieldType.TEXTAREA ? DEFAULT_MAX_TEXTAREA : DEFAULT_MAX_TEXT;
        if (value.codePointCount(0, value.length()) > limit) {
            problem(path, "form.rule.max-length", limit);
            out.put(field.name(), value);
            return;
        }
        JsonNode typed = switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL -> text(field, value, path);
            case NUMBER -> number(field, value, path);
            case INTEGER -> integer(field, value, path);
            case PERSON_NAME -> personName(value, path);
            case DATE -> date(field, value, path);
            case PHONE -> {
                String compact = IdentifierRules.compact(value);
                if (!IdentifierRules.phone(compact)) {
                    problem(path, "form.rule.phone");
                    yield null;
                }
                yield NODES.stringNode(compact);
            }
            case CITIZEN_ID -> citizenId(field, scope, value, path);
            case TAX_CODE -> {
                String compact = IdentifierRules.compact(value);
                IdentifierRules.Failure failure = IdentifierRules.taxCode(compact);
                if (failure != null) {
                    problem(path, failure.key(), failure.args());
                    yield null;
                }
                yield NODES.stringNode(IdentifierRules.formatTaxCode(compact));
            }
            case SELECT, RADIO -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    problem(path, "form.rule.option");
                    yield null;
                }
                yield NODES.stringNode(value);
            }
            default -> NODES.stringNode(value);
        };
        out.set(field.name(), typed != null ? typed : NODES.stringNode(value));
    }

    private JsonNode text(FormField field, String value, String path) {
        int length = value.codePointCount(0, value.length());
        if (field.minLength() != null && length < field.minLength()) {
            problem(path, "form.rule.min-length", field.minLength());
            return null;
        }
        if (field.type() == FieldType.EMAIL && !EMAIL.matcher(value).matches()) {
            problem(path, "form.rule.email");
            return null;
        }
        if (field.pattern() != null && !field.pattern().isBlank() && !matchesPattern(field.pattern(), value)) {
            String custom = field.patternMessage();
            problems.add(new FieldProblem(path, custom != null && !custom.isBlank() ? custom
                    : messages.get("form.rule.pattern")));
            return null;
        }
        return NODES.stringNode(value);
    }

    private JsonNode number(FormField field, String value, String path) {
        BigDecimal number = number(value);
        if (number == null) {
            problem(path, "form.rule.number");
            return null;
        }
        if (!withinBounds(field, number, path)) {
            return null;
        }
        return NODES.numberNode(number);
    }

    /** Whether the number lies within the field's minimum and maximum; a problem for the field when not. */
    private boolean withinBounds(FormField field, BigDecimal number, String path) {
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            problem(path, "form.rule.min", field.min().toPlainString());
            return false;
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            problem(path, "form.rule.max", field.max().toPlainString());
            return false;
        }
        return true;
    }

    /**
     * A whole number: spaces anywhere (as digit groups are often written) and leading zeros are
     * ignored; a decimal part, or a point or comma as a thousands separator, is refused rather than
     * guessed at, since "1.500" means one thousand five hundred to some and one and a half to others.
     */
    private JsonNode integer(FormField field, String value, String path) {
        String compact = SPACES.matcher(value).replaceAll("");
        if (!WHOLE.matcher(compact).matches()) {
            problem(path, WITH_SEPARATOR.matcher(compact).matches() && compact.chars().anyMatch(Character::isDigit)
                    ? "form.rule.integer-decimal" : "form.rule.integer");
            return null;
        }
        BigDecimal number = new BigDecimal(compact);
        if (number.abs().toPlainString().length() > MAX_INTEGER_DIGITS) {
            problem(path, "form.rule.integer-too-large", MAX_INTEGER_DIGITS);
            return null;
        }
        if (!withinBounds(field, number, path)) {
            return null;
        }
        return NODES.numberNode(number.longValueExact());
    }

    private JsonNode personName(String value, String path) {
        Optional<PersonName.Problem> failure = PersonName.problem(value);
        if (failure.isPresent()) {
            problem(path, "form.rule.person-name." + failure.get().key(), PersonName.MIN_LENGTH,
                    PersonName.MAX_LENGTH);
            return null;
        }
        return NODES.stringNode(PersonName.clean(value));
    }

    private JsonNode date(FormField field, String value, String path) {
        LocalDate date = date(value);
        if (date == null) {
            problem(path, looksLikeADate(value) ? "form.rule.date-nonexistent" : "form.rule.date");
            return null;
        }
        if (isBirthDate(field)) {
            if (date.isAfter(today)) {
                problem(path, "form.rule.date-future");
                return null;
            }
            if (date.isBefore(EARLIEST_DATE)) {
                problem(path, "form.rule.birth-year", EARLIEST_DATE.getYear());
                return null;
            }
            if (field.minAge() != null && Period.between(date, today).getYears() < field.minAge()) {
                problem(path, "form.rule.min-age", field.minAge(), today.minusYears(field.minAge()).format(SHOWN));
                return null;
            }
        } else if (date.isBefore(EARLIEST_DATE) || date.isAfter(today.plusYears(100))) {
            problem(path, "form.rule.date-range");
            return null;
        }
        return NODES.stringNode(date.toString());
    }

    private JsonNode citizenId(FormField field, AnswerScope scope, String value, String path) {
        String digits = IdentifierRules.compact(value);
        FormField birthField = birthDateFor(field, scope);
        LocalDate born = birthField == null || !scope.visible(birthField) ? null : date(scope.text(birthField.name()));
        FormField sexField = sexFor(field, scope);
        Boolean male = sexField == null || !scope.visible(sexField) ? null : male(scope.text(sexField.name()));
        IdentifierRules.Failure failure = IdentifierRules.citizenId(digits, born, male, today);
        if (failure != null) {
            problem(path, failure.key(), failure.args());
            return null;
        }
        return NODES.stringNode(digits);
    }

    /**
     * The date of birth a citizen ID is checked against, among its siblings: {@code xDateOfBirth} for a
     * field {@code xCitizenId}; otherwise the date prefilled from the applicant's date of birth, or the
     * date named {@code dateOfBirth}.
     */
    static FormField birthDateFor(FormField citizenId, AnswerScope scope) {
        String name = citizenId.name();
        if (name.endsWith("CitizenId") && name.length() > "CitizenId".length()) {
            FormField paired = scope.field(name.substring(0, name.length() - "CitizenId".length()) + "DateOfBirth");
            return paired != null && paired.type() == FieldType.DATE ? paired : null;
        }
        for (FormField f : scope.fields) {
            if (f.type() == FieldType.DATE && PrefillKeys.DATE_OF_BIRTH.equals(f.prefill())) {
                return f;
            }
        }
        FormField named = scope.field("dateOfBirth");
        return named != null && named.type() == FieldType.DATE ? named : null;
    }

    /** The sex a citizen ID is checked against: the sibling {@code xSex} for {@code xCitizenId}, else {@code sex}. */
    static FormField sexFor(FormField citizenId, AnswerScope scope) {
        String name = citizenId.name();
        String prefix = name.endsWith("CitizenId") ? name.substring(0, name.length() - "CitizenId".length()) : "";
        FormField sex = scope.field(prefix.isEmpty() ? "sex" : prefix + "Sex");
        return sex != null && (sex.type() == FieldType.RADIO || sex.type() == FieldType.SELECT) ? sex : null;
    }

    /** Reads the common ways a sex is recorded (nam/nữ, male/female, M/F); null when it is none of them. */
    static Boolean male(String value) {
        if (value == null) {
            return null;
        }
        return switch (VietnameseText.fold(value)) {
            case "nam", "male", "m" -> true;
            case "nu", "female", "f" -> false;
            default -> null;
        };
    }

    /**
     * Fields holding a date of birth, which can be neither in the future nor before 1900: those with a
     * minimum age, prefilled from the applicant's date of birth, or named so.
     */
    static boolean isBirthDate(FormField field) {
        String name = field.name().toLowerCase(Locale.ROOT);
        return field.minAge() != null || PrefillKeys.DATE_OF_BIRTH.equals(field.prefill())
                || name.endsWith("dateofbirth") || name.endsWith("birthdate");
    }

    /** A number typed with a point or a comma as the decimal separator; null when it is not one. */
    static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("[\\s\\u00A0]", "");
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    /** A date typed dd/mm/yyyy (also with - or .) or yyyy-mm-dd; null when it is not a real date. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("\\s", "");
        try {
            if (compact.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(compact, ISO);
            }
            if (compact.matches("\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{4}")) {
                return LocalDate.parse(compact.replaceAll("[.\\-]", "/"), DAY_FIRST);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /**
     * Written as a date, with a month from 1 to 12 and a day from 1 to 31, yet no such day exists, e.g.
     * 31/02/2020 or 29/02/2023: worth its own message rather than the one about the format.
     */
    static boolean looksLikeADate(String value) {
        String compact = value.replaceAll("\\s", "");
        String[] parts;
        if (compact.matches("\\d{4}-\\d{2}-\\d{2}")) {
            String[] iso = compact.split("-");
            parts = new String[] {iso[2], iso[1]};
        } else if (compact.matches("\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{4}")) {
            parts = compact.split("[/.\\-]");
        } else {
            return false;
        }
        int day = Integer.parseInt(parts[0]);
        int month = Integer.parseInt(parts[1]);
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    /**
     * Whether the whole value matches an administrator's pattern. The matcher reads the value through a
     * budget, so that a pattern with catastrophic backtracking cannot hang a request: it counts as no
     * match.
     */
    static boolean matchesPattern(String regex, String value) {
        try {
            return Pattern.compile(regex).matcher(new Budgeted(value, new long[] {PATTERN_BUDGET})).matches();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void problem(String path, String key, Object... args) {
        problems.add(new FieldProblem(path, messages.get(key, args)));
    }

    /** A character sequence that throws once it has been read too often. */
    private record Budgeted(String text, long[] budget) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new IllegalStateException("pattern too costly");
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
