package vn.dvc.identity;

import vn.dvc.shared.ProblemException;

/** A client asked for something too often lately (registrations, mails); nothing was changed. */
class TooManyRequestsException extends ProblemException {

    TooManyRequestsException(String messageKey) {
        super(messageKey, new Object[0]);
    }
}
