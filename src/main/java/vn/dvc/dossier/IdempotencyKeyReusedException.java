package vn.dvc.dossier;

import vn.dvc.shared.ProblemException;

/**
 * An idempotency key already answered a different submission of the same applicant: repeating it with
 * other content would silently return a dossier that is not what was sent, so it is refused and nothing
 * is created (the API answers 422, code {@code idempotency-key-reused}).
 */
public class IdempotencyKeyReusedException extends ProblemException {

    private final transient Dossier earlier;

    IdempotencyKeyReusedException(Dossier earlier) {
        super("dossier.idempotency-key.reused", new Object[0]);
        this.earlier = earlier;
    }

    /** The dossier the key was first used for (the applicant's own; not told to API callers). */
    Dossier earlier() {
        return earlier;
    }
}
