package vn.dvc.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The editor's form for one field, as typed: options one per line ({@code value|label} or
 * {@code value|label|English label}; a line without | is both value and label), condition values
 * separated by commas. Attributes that do not apply to the chosen type are dropped, so that changing
 * a field's type does not leave stale settings behind.
 */
public class FieldForm {

    private String name;
    private String label;
    private String labelEn;
    private String type;
    private boolean required;
    private String help;
    private String pattern;
    private String patternMessage;
    private String minLength;
    private String maxLength;
    private String min;
    private String max;
    private String minAge;
    private String options;
    private String conditionField;
    private String conditionValues;
    private String prefill;
    private String minItems;
    private String maxItems;
    private int revision;

    static FieldForm of(FormField f, int revision) {
        FieldForm form = new FieldForm();
        form.name = f.name();
        form.label = f.label();
        form.labelEn = f.labelEn();
        form.type = f.type() == null ? null : f.type().name();
        form.required = f.required();
        form.help = f.help();
        form.pattern = f.pattern();
        form.patternMessage = f.patternMessage();
        form.minLength = text(f.minLength());
        form.maxLength = text(f.maxLength());
        form.min = f.min() == null ? null : f.min().toPlainString();
        form.max = f.max() == null ? null : f.max().toPlainString();
        form.minAge = text(f.minAge());
        form.options = String.join("\n", f.options().stream().map(o -> o.value().equals(o.label()) && o.labelEn() == null
                ? o.value() : o.value() + "|" + o.label() + (o.labelEn() == null ? "" : "|" + o.labelEn())).toList());
        if (f.visibleWhen() != null) {
            form.conditionField = f.visibleWhen().field();
            form.conditionValues = String.join(", ", f.visibleWhen().values());
        }
        form.prefill = f.prefill();
        form.minItems = text(f.minItems());
        form.maxItems = text(f.maxItems());
        form.revision = revision;
        return form;
    }

    /**
     * The field this form describes, keeping a group's nested fields; numbers that cannot be read are
     * reported in {@code problems} under {@code path}.
     */
    FormField toField(List<FormField> nested, String path, List<DefinitionRules.Problem> problems) {
        FieldType fieldType = null;
        try {
            fieldType = type == null || type.isBlank() ? null : FieldType.valueOf(type);
        } catch (IllegalArgumentException e) {
            problems.add(new DefinitionRules.Problem(path, "type", "form.def.type"));
        }
        boolean text = fieldType != null && fieldType.isText();
        boolean choices = fieldType != null && fieldType.hasOptions();
        boolean group = fieldType == FieldType.GROUP;
        boolean numeric = fieldType != null && fieldType.isNumeric();
        Condition condition = blank(conditionField) ? null : new Condition(conditionField.strip(),
                blank(conditionValues) ? List.of() : Arrays.stream(conditionValues.split(","))
                        .map(String::strip).filter(v -> !v.isEmpty()).toList());
        return new FormField(name, label, labelEn, fieldType, required, text ? pattern : null,
                text ? patternMessage : null, text ? whole(minLength, path, "maxLength", problems) : null,
                text ? whole(maxLength, path, "maxLength", problems) : null,
                numeric ? decimal(min, path, "min", problems) : null,
                numeric ? decimal(max, path, "min", problems) : null,
                fieldType == FieldType.DATE ? whole(minAge, path, "minAge", problems) : null,
                choices ? options() : List.of(), condition, group ? nested : List.of(),
                group ? whole(minItems, path, "items", problems) : null,
                group ? whole(maxItems, path, "items", problems) : null, blank(prefill) ? null : prefill, help);
    }

    private List<Option> options() {
        List<Option> list = new ArrayList<>();
        if (options == null) {
            return list;
        }
        for (String line : options.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String value = parts[0].strip();
            String optionLabel = parts.length > 1 ? parts[1].strip() : value;
            String english = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null;
            // A fourth part would be a | inside a value or label: keep it visible to the rules.
            if (parts.length > 3) {
                value = line.strip();
            }
            list.add(new Option(value, optionLabel, english));
        }
        return list;
    }

    private static Integer whole(String value, String path, String attribute, List<DefinitionRules.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new DefinitionRules.Problem(path, attribute, "form.editor.whole-number"));
            return null;
        }
    }

    private static BigDecimal decimal(String value, String path, String attribute,
            List<DefinitionRules.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        BigDecimal number = AnswerRules.number(value);
        if (number == null) {
            problems.add(new DefinitionRules.Problem(path, attribute, "form.editor.number"));
        }
        return number;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getHelp() {
        return help;
    }

    public void setHelp(String help) {
        this.help = help;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public String getPatternMessage() {
        return patternMessage;
    }

    public void setPatternMessage(String patternMessage) {
        this.patternMessage = patternMessage;
    }

    public String getMinLength() {
        return minLength;
    }

    public void setMinLength(String minLength) {
        this.minLength = minLength;
    }

    public String getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(String maxLength) {
        this.maxLength = maxLength;
    }

    public String getMin() {
        return min;
    }

    public void setMin(String min) {
        this.min = min;
    }

    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }

    public String getMinAge() {
        return minAge;
    }

    public void setMinAge(String minAge) {
        this.minAge = minAge;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public String getConditionField() {
        return conditionField;
    }

    public void setConditionField(String conditionField) {
        this.conditionField = conditionField;
    }

    public String getConditionValues() {
        return conditionValues;
    }

    public void setConditionValues(String conditionValues) {
        this.conditionValues = conditionValues;
    }

    public String getPrefill() {
        return prefill;
    }

    public void setPrefill(String prefill) {
        this.prefill = prefill;
    }

    public String getMinItems() {
        return minItems;
    }

    public void setMinItems(String minItems) {
        this.minItems = minItems;
    }

    public String getMaxItems() {
        return maxItems;
    }

    public void setMaxItems(String maxItems) {
        this.maxItems = maxItems;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }
}
