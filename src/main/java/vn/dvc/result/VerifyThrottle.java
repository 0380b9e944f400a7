package vn.dvc.result;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.dvc.shared.ClientRateLimit;

/**
 * Limits the public verification per client address (fixed one-minute windows): result codes are
 * predictable (dossier code + KQn), and an upload costs a PDF parse. In memory, per instance.
 */
@Component
class VerifyThrottle {

    private final ClientRateLimit limit;

    VerifyThrottle(Clock clock, @Value("${result.verify.max-per-minute:30}") int maxPerMinute) {
        this.limit = new ClientRateLimit(clock, maxPerMinute);
    }

    /** Counts a verification by this client; false when it has used up its minute. */
    boolean tryAcquire(String client) {
        return limit.tryAcquire(client);
    }

    long secondsUntilNextWindow(String client) {
        return limit.secondsUntilNextWindow(client);
    }

    /** Throws when the client has used up its minute. */
    void check(String client) {
        if (!tryAcquire(client)) {
            throw new TooManyVerificationsException(secondsUntilNextWindow(client));
        }
    }

    /** A client verified too many results in the last minute. */
    static final class TooManyVerificationsException extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyVerificationsException(long retryAfterSeconds) {
            super("too many verifications");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
