package vn.dvc.result;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the public verification per client address (fixed one-minute windows): result codes are
 * predictable (dossier code + KQn), and an upload costs a PDF parse. In memory, per instance.
 */
@Component
class VerifyThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final int maxPerMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    VerifyThrottle(Clock clock, @Value("${result.verify.max-per-minute:30}") int maxPerMinute) {
        this.clock = clock;
        this.maxPerMinute = maxPerMinute;
    }

    /** Counts a verification by this client; false when it has used up its minute. */
    boolean tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_CLIENTS) {
            forgetOld(now);
        }
        Window w = windows.compute(client, (k, old) -> old == null || !old.start().plus(WINDOW).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return w.count() <= maxPerMinute;
    }

    long secondsUntilNextWindow(String client) {
        Window w = windows.get(client);
        return w == null ? 0 : Math.max(1, Duration.between(clock.instant(), w.start().plus(WINDOW)).toSeconds());
    }

    /** Throws when the client has used up its minute. */
    void check(String client) {
        if (!tryAcquire(client)) {
            throw new TooManyVerificationsException(secondsUntilNextWindow(client));
        }
    }

    private void forgetOld(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (!it.next().start().plus(WINDOW).isAfter(now)) {
                it.remove();
            }
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
