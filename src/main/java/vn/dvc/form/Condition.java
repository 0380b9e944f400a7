package vn.dvc.form;

import java.util.List;

/**
 * When a field is shown: the field named {@code field} (a sibling, or a field of an enclosing level)
 * has one of {@code values}. A boolean checkbox compares as "true" or "false"; a checkbox list matches
 * when any ticked value is listed. A hidden field is neither validated nor kept in the answers.
 */
public record Condition(String field, List<String> values) {

    public Condition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static Condition of(String field, String... values) {
        return new Condition(field, List.of(values));
    }
}
