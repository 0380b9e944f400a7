package vn.dvc.form;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One choice of a SELECT, RADIO or CHECKBOX field: the value stored in the answers and the label shown.
 *
 * @param labelEn optional English label
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Option(String value, String label, String labelEn) {

    public Option(String value, String label) {
        this(value, label, null);
    }
}
