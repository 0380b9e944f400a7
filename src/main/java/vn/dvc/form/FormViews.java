package vn.dvc.form;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the fragment {@code form/fields :: fields(definition, answers, problems)} shows, worked out
 * here so that the template stays simple: each field's input name and id, its value, its error and
 * the ids that describe it, whether it is shown, and the items of groups.
 */
@Component("formViews")
public class FormViews {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The whole form: its fields, and the error summary (in the order of the problems). */
    public record FormView(List<FieldView> fields, List<SummaryLine> summary) {
    }

    /** One line of the error summary; {@code targetId} is null when the problem has no field to go to. */
    public record SummaryLine(String targetId, String text) {
    }

    /** One choice of a select, radio or checkbox list. */
    public record OptionView(String value, String label, String id, boolean selected) {
    }

    /** One item of a group; {@code marker} names a hidden input that keeps an empty item in the post. */
    public record ItemView(int number, String path, String id, String marker, List<FieldView> fields,
            boolean removable) {
    }

    /**
     * One field as rendered.
     *
     * @param kind input, textarea, select, radio, checkbox, checkboxes, group or section
     * @param whenName the input name of the field the condition reads, for the script
     * @param whenValues the condition's values as a JSON array, for the script
     * @param hintArgs the arguments of the format hint's message (a number field's bounds)
     * @param context the groups around the field, e.g. "Bên nữ › Các lần kết hôn trước (2)", for the summary
     */
    public record FieldView(String kind, String path, String id, String name, String label, boolean required,
            String help, String hintKey, Object[] hintArgs, String value, boolean checked, List<OptionView> options,
            String error, boolean hidden, String whenName, String whenValues, String inputType, String inputMode,
            String autocomplete, Integer maxLength, List<ItemView> items, boolean canAdd, String context) {

        public String helpId() {
            return id + "-help";
        }

        public String hintId() {
            return id + "-hint";
        }

        public String errorId() {
            return id + "-error";
        }

        /** The ids of the help, hint and error, for aria-describedby; null when there are none. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (help != null) {
                ids.add(helpId());
            }
            if (hintKey != null) {
                ids.add(hintId());
            }
            if (error != null) {
                ids.add(errorId());
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        /** Where the error summary links to: the first choice of a radio or checkbox list, else the field. */
        public String targetId() {
            return (kind.equals("radio") || kind.equals("checkboxes")) && !options.isEmpty() ? options.get(0).id() : id;
        }
    }

    /** The view of a form with its answers (may be null) and problems (may be null). */
    public FormView of(FormDefinition definition, JsonNode answers, List<FieldProblem> problems) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> errors = new LinkedHashMap<>();
        if (problems != null) {
            problems.forEach(p -> errors.putIfAbsent(p.path(), p.message()));
        }
        Map<String, FieldView> byPath = new LinkedHashMap<>();
        JsonNode input = answers == null ? JsonNodeFactory.instance.objectNode() : answers;
        List<FieldView> fields = level(new AnswerScope(definition.fields(), input, null, ""), false, null, english,
                errors, byPath);
        List<SummaryLine> summary = new ArrayList<>();
        if (problems != null) {
            for (FieldProblem problem : problems) {
                FieldView field = byPath.get(problem.path());
                summary.add(field == null ? new SummaryLine(null, problem.message())
                        : new SummaryLine(field.targetId(), (field.context() == null ? "" : field.context() + " › ")
                                + field.label().replaceAll("[.:;]+$", "") + ": " + problem.message()));
            }
        }
        return new FormView(fields, summary);
    }

    private List<FieldView> level(AnswerScope scope, boolean hiddenAbove, String context, boolean english,
            Map<String, String> errors, Map<String, FieldView> byPath) {
        List<FieldView> views = new ArrayList<>();
        for (FormField field : scope.fields) {
            FieldView view = field(field, scope, hiddenAbove, context, english, errors, byPath);
            byPath.put(view.path(), view);
            views.add(view);
        }
        return views;
    }

    private FieldView field(FormField f, AnswerScope scope, boolean hiddenAbove, String context, boolean english,
            Map<String, String> errors, Map<String, FieldView> byPath) {
        String path = scope.pathPrefix + f.name();
        String id = id(path);
        String name = AnswerTrees.PREFIX + path;
        boolean hidden = hiddenAbove || !scope.visible(f);
        String whenName = null;
        String whenValues = null;
        if (f.visibleWhen() != null) {
            AnswerScope owner = scope.owner(f.visibleWhen().field());
            if (owner != null) {
                whenName = AnswerTrees.PREFIX + owner.pathPrefix + f.visibleWhen().field();
                whenValues = jsonArray(f.visibleWhen().values());
            }
        }
        JsonNode node = scope.node(f.name());
        String label = f.label(english);
        String error = errors.get(path);
        String kind;
        String value = null;
        boolean checked = false;
        List<OptionView> options = List.of();
        List<ItemView> items = List.of();
        boolean canAdd = false;
        switch (f.type()) {
            case GROUP -> {
                kind = f.isSection() ? "section" : "group";
                items = items(f, scope, node, path, hidden, context, label, english, errors, byPath);
                int most = f.maxItems() == null ? AnswerRules.MAX_ITEMS : f.maxItems();
                canAdd = !f.isSection() && items.size() < most;
            }
            case CHECKBOX -> {
                if (f.isCheckboxList()) {
                    kind = "checkboxes";
                    List<String> ticked = AnswerScope.list(node);
                    options = options(f, id, english, ticked);
                } else {
                    kind = "checkbox";
                    checked = AnswerScope.ticked(node);
                }
            }
            case SELECT, RADIO -> {
                kind = f.type() == FieldType.SELECT ? "select" : "radio";
                String chosen = AnswerScope.text(node);
                options = options(f, id, english, chosen == null ? List.of() : List.of(chosen));
            }
            case TEXTAREA -> {
                kind = "textarea";
                value = AnswerScope.text(node);
            }
            default -> {
                kind = "input";
                value = display(f, AnswerScope.text(node));
            }
        }
        return new FieldView(kind, path, id, name, label, f.required(), f.help(), hintKey(f), hintArgs(f), value,
                checked, options, error, hidden, whenName, whenValues, inputType(f.type()), inputMode(f.type()),
                autocomplete(f), f.type().isText() ? f.maxLength() : null, items, canAdd, context);
    }

    private List<ItemView> items(FormField group, AnswerScope scope, JsonNode node, String path, boolean hidden,
            String context, String label, boolean english, Map<String, String> errors, Map<String, FieldView> byPath) {
        List<JsonNode> answered = AnswerScope.items(node);
        int count = Math.max(answered.size(), AnswerTrees.shownMinimum(group));
        if (group.isSection()) {
            count = 1;
        }
        count = Math.min(count, AnswerRules.MAX_ITEMS);
        int fewest = AnswerTrees.shownMinimum(group);
        List<ItemView> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode itemNode = i < answered.size() ? answered.get(i) : null;
            AnswerScope item = new AnswerScope(group.fields(), itemNode, scope, itemPath + ".");
            String itemContext = (context == null ? "" : context + " › ") + label
                    + (group.isSection() ? "" : " (" + (i + 1) + ")");
            items.add(new ItemView(i + 1, itemPath, id(itemPath), AnswerTrees.PREFIX + itemPath + "._item",
                    level(item, hidden, itemContext, english, errors, byPath), !group.isSection() && count > fewest));
        }
        return items;
    }

    private static List<OptionView> options(FormField f, String id, boolean english, List<String> selected) {
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < f.options().size(); i++) {
            Option o = f.options().get(i);
            String label = english && o.labelEn() != null && !o.labelEn().isBlank() ? o.labelEn() : o.label();
            options.add(new OptionView(o.value(), label, id + "-" + (i + 1), selected.contains(o.value())));
        }
        return options;
    }

    /** Dates show as dd/mm/yyyy, the way people type them; anything else as it was typed. */
    private static String display(FormField f, String value) {
        if (value != null && f.type() == FieldType.DATE && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate date = AnswerRules.date(value);
            return date == null ? value : date.format(DAY_FIRST);
        }
        return value;
    }

    /** "children[1].fullName" → "f-children-1-fullName": an id without characters selectors must escape. */
    static String id(String path) {
        return "f-" + path.replace("[", "-").replace("]", "").replace('.', '-');
    }

    private static String hintKey(FormField f) {
        return switch (f.type()) {
            case INTEGER -> f.min() != null && f.max() != null ? "form.hint.integer-between"
                    : f.min() != null ? "form.hint.integer-from" : f.max() != null ? "form.hint.integer-to"
                    : "form.hint.integer";
            case PERSON_NAME -> "form.hint.person-name";
            case DATE -> "form.hint.date";
            case PHONE -> "form.hint.phone";
            case CITIZEN_ID -> "form.hint.citizen-id";
            case TAX_CODE -> "form.hint.tax-code";
            default -> null;
        };
    }

    /** The bounds an integer hint names, in the order its messages use them. */
    private static Object[] hintArgs(FormField f) {
        if (f.type() != FieldType.INTEGER) {
            return new Object[0];
        }
        List<Object> args = new ArrayList<>();
        if (f.min() != null) {
            args.add(f.min().toPlainString());
        }
        if (f.max() != null) {
            args.add(f.max().toPlainString());
        }
        return args.toArray();
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case PHONE -> "tel";
            // type=email and type=date would make the browser refuse a post the server should answer.
            default -> "text";
        };
    }

    private static String inputMode(FieldType type) {
        return switch (type) {
            case NUMBER -> "decimal";
            case INTEGER, CITIZEN_ID, TAX_CODE, DATE -> "numeric";
            case PHONE -> "tel";
            case EMAIL -> "email";
            default -> null;
        };
    }

    /** Autofill tokens (WCAG 1.3.5) for the applicant's own data. */
    private static String autocomplete(FormField f) {
        if (f.prefill() == null) {
            return f.type() == FieldType.EMAIL ? "email" : null;
        }
        return switch (f.prefill()) {
            case PrefillKeys.FULL_NAME, PrefillKeys.REPRESENTATIVE -> "name";
            case PrefillKeys.DATE_OF_BIRTH -> "bday";
            case PrefillKeys.PHONE -> "tel";
            case PrefillKeys.EMAIL -> "email";
            case PrefillKeys.ADDRESS -> "street-address";
            case PrefillKeys.ORGANISATION_NAME -> "organization";
            default -> null;
        };
    }

    private static String jsonArray(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            for (char c : Objects.toString(values.get(i), "").toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }
}
