package vn.dvc.shared;

/** The request contradicts the current state (a duplicate code, an edit of a stale version). */
public class ConflictException extends ProblemException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
