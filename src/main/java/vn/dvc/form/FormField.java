package vn.dvc.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field of a form definition, as an agency administrator writes it.
 *
 * @param name       {@code [a-z][a-zA-Z0-9]*}, unique among its siblings; the key in the answers
 * @param label      Vietnamese, as the agency writes it
 * @param labelEn    optional English label
 * @param pattern    optional regular expression the whole value must match (text types)
 * @param patternMessage what to say when the pattern does not match (default: a generic message)
 * @param minLength  text types, in characters
 * @param maxLength  text types, in characters
 * @param min        NUMBER and INTEGER (then a whole number) only
 * @param max        NUMBER and INTEGER (then a whole number) only
 * @param minAge     DATE only: the date is a date of birth, and the person must be at least this many
 *                   years old on the day the form is checked (submitted)
 * @param options    SELECT, RADIO; CHECKBOX with options is a list of boxes
 * @param visibleWhen optional condition on another field
 * @param fields     the nested fields of a GROUP
 * @param minItems   GROUP: fewest items (a required group needs at least one)
 * @param maxItems   GROUP: most items; 1 makes a non-repeating section
 * @param prefill    optional key of the applicant's data, one of {@link #PREFILL_KEYS}
 * @param help       optional hint shown under the label
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FormField(String name, String label, String labelEn, FieldType type, boolean required, String pattern,
        String patternMessage, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
        Integer minAge, List<Option> options, Condition visibleWhen, List<FormField> fields, Integer minItems,
        Integer maxItems, String prefill, String help) {

    /** The applicant data a field may be prefilled from; the dossier module supplies the values. */
    public static final List<String> PREFILL_KEYS = PrefillKeys.ALL;

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A GROUP that is not repeated: shown as one section, without add and remove buttons. */
    @JsonIgnore
    public boolean isSection() {
        return type == FieldType.GROUP && maxItems != null && maxItems == 1;
    }

    /** A CHECKBOX with options: its answer is the list of ticked values. */
    @JsonIgnore
    public boolean isCheckboxList() {
        return type == FieldType.CHECKBOX && !options.isEmpty();
    }

    /** The label in the given language: English when asked for and written, else Vietnamese. */
    public String label(boolean english) {
        return english && labelEn != null && !labelEn.isBlank() ? labelEn : label;
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, type, label);
        b.labelEn = labelEn;
        b.required = required;
        b.pattern = pattern;
        b.patternMessage = patternMessage;
        b.minLength = minLength;
        b.maxLength = maxLength;
        b.min = min;
        b.max = max;
        b.minAge = minAge;
        b.options = new ArrayList<>(options);
        b.visibleWhen = visibleWhen;
        b.fields = new ArrayList<>(fields);
        b.minItems = minItems;
        b.maxItems = maxItems;
        b.prefill = prefill;
        b.help = help;
        return b;
    }

    public static Builder builder(String name, FieldType type, String label) {
        return new Builder(name, type, label);
    }

    /** Builds fields readably: {@code FormField.builder("fullName", TEXT, "Họ và tên").required().build()}. */
    public static final class Builder {
        private String name;
        private FieldType type;
        private String label;
        private String labelEn;
        private boolean required;
        private String pattern;
        private String patternMessage;
        private Integer minLength;
        private Integer maxLength;
        private BigDecimal min;
        private BigDecimal max;
        private Integer minAge;
        private List<Option> options = new ArrayList<>();
        private Condition visibleWhen;
        private List<FormField> fields = new ArrayList<>();
        private Integer minItems;
        private Integer maxItems;
        private String prefill;
        private String help;

        private Builder(String name, FieldType type, String label) {
            this.name = name;
            this.type = type;
            this.label = label;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder type(FieldType value) {
            this.type = value;
            return this;
        }

        public Builder label(String value) {
            this.label = value;
            return this;
        }

        public Builder labelEn(String value) {
            this.labelEn = value;
            return this;
        }

        public Builder required() {
            return required(true);
        }

        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        public Builder pattern(String regex, String message) {
            this.pattern = regex;
            this.patternMessage = message;
            return this;
        }

        public Builder length(Integer minimum, Integer maximum) {
            this.minLength = minimum;
            this.maxLength = maximum;
            return this;
        }

        public Builder range(BigDecimal minimum, BigDecimal maximum) {
            this.min = minimum;
            this.max = maximum;
            return this;
        }

        /** A DATE that is a date of birth of someone at least {@code years} old when the form is submitted. */
        public Builder minAge(Integer years) {
            this.minAge = years;
            return this;
        }

        public Builder option(String value, String optionLabel) {
            this.options.add(new Option(value, optionLabel));
            return this;
        }

        public Builder option(String value, String optionLabel, String optionLabelEn) {
            this.options.add(new Option(value, optionLabel, optionLabelEn));
            return this;
        }

        public Builder options(List<Option> values) {
            this.options = new ArrayList<>(values);
            return this;
        }

        public Builder visibleWhen(String field, String... values) {
            this.visibleWhen = Condition.of(field, values);
            return this;
        }

        public Builder visibleWhen(Condition condition) {
            this.visibleWhen = condition;
            return this;
        }

        public Builder fields(FormField... nested) {
            this.fields = new ArrayList<>(List.of(nested));
            return this;
        }

        public Builder fields(List<FormField> nested) {
            this.fields = new ArrayList<>(nested);
            return this;
        }

        public Builder items(Integer minimum, Integer maximum) {
            this.minItems = minimum;
            this.maxItems = maximum;
            return this;
        }

        public Builder prefill(String key) {
            this.prefill = key;
            return this;
        }

        public Builder help(String value) {
            this.help = value;
            return this;
        }

        public FormField build() {
            return new FormField(name, label, labelEn, type, required, pattern, patternMessage, minLength, maxLength,
                    min, max, minAge, options, visibleWhen, fields, minItems, maxItems, prefill, help);
        }
    }
}
