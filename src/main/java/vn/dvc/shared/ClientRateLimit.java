package vn.dvc.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many requests per client address and fixed one-minute window, in memory (per instance).
 * For public endpoints whose keys are predictable (dossier codes, result codes).
 */
public final class ClientRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final int maxPerMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ClientRateLimit(Clock clock, int maxPerMinute) {
        this.clock = clock;
        this.maxPerMinute = maxPerMinute;
    }

    /** Counts a request by this client; false when it has used up its minute. */
    public boolean tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() > MAX_CLIENTS) {
            forgetOld(now);
        }
        Window w = windows.compute(client, (k, old) -> old == null || !old.start().plus(WINDOW).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return w.count() <= maxPerMinute;
    }

    /** How long the client waits for its next window (at least a second). */
    public long secondsUntilNextWindow(String client) {
        Window w = windows.get(client);
        return w == null ? 0 : Math.max(1, Duration.between(clock.instant(), w.start().plus(WINDOW)).toSeconds());
    }

    private void forgetOld(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (!it.next().start().plus(WINDOW).isAfter(now)) {
                it.remove();
            }
        }
    }
}
