package vn.dvc.dossier;

import vn.dvc.shared.ProblemException;

/**
 * An idempotency key already answered a different submission of the same applicant: repeating it with
 * other content would silently return a dossier that is not what was sent, so it is refused and nothing
 * is created (the API answers 422, code {@code idempotency-key-reused}; the first dossier is not named).
 */
public class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException() {
        super("dossier.idempotency-key.reused", new Object[0]);
    }
}
