package vn.dvc.shared;

import java.util.List;

/** The input breaks a rule; nothing was changed. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldProblem> problems) {
        super("problem.invalid-input", new Object[0], problems);
    }

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
