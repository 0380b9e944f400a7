package vn.dvc.shared;

/** Something asked for does not exist (or is not visible to the caller, which must look the same). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
