package vn.dvc.form;

/**
 * Something wrong with one answer.
 *
 * @param path where, e.g. {@code children[1].fullName}; a group's own problems (item counts) use the
 *             group's path, e.g. {@code children}
 * @param message in the request's language (Vietnamese unless English was chosen)
 */
public record FieldProblem(String path, String message) {
}
