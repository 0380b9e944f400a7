package vn.dvc.form;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The outcome of checking answers against a form definition.
 *
 * @param answers the cleaned answers: texts trimmed and in NFC, hidden and unknown fields removed,
 *                empty optional fields left out, numbers as JSON numbers, dates as yyyy-MM-dd, boxes
 *                as booleans or lists, groups as lists of objects. A value that failed its check is
 *                kept as the text typed, so that the page can show it back.
 */
public record FormCheck(List<FieldProblem> problems, JsonNode answers) {

    public FormCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
