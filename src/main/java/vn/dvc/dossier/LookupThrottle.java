package vn.dvc.dossier;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.dvc.shared.ClientRateLimit;

/**
 * Limits the public lookup per client address (fixed one-minute windows), so that dossier codes cannot
 * be enumerated: codes are predictable by design (agency, day, sequence).
 */
@Component
class LookupThrottle {

    private final ClientRateLimit limit;

    LookupThrottle(Clock clock, @Value("${app.lookup.max-per-minute:30}") int maxPerMinute) {
        this.limit = new ClientRateLimit(clock, maxPerMinute);
    }

    /** Counts a lookup by this client; false when it has used up its minute. */
    boolean tryAcquire(String client) {
        return limit.tryAcquire(client);
    }

    long secondsUntilNextWindow(String client) {
        return limit.secondsUntilNextWindow(client);
    }
}
