package vn.dvc.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a client address, say) in any window of the given length.
 * Kept in memory: it slows down one client hammering one instance, which is its purpose; limits that
 * must hold across instances and restarts are counted in the database instead.
 */
final class SlidingWindowLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    SlidingWindowLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Records an attempt for the key at this time; false (and not recorded) when the key is over its limit. */
    boolean tryAcquire(String key, Instant now) {
        Deque<Instant> recent = recent(key);
        synchronized (recent) {
            forgetOld(recent, now);
            if (recent.size() >= limit) {
                return false;
            }
            recent.addLast(now);
        }
        return true;
    }

    /** Whether the key may try now, without counting a try (count failures only with {@link #record}). */
    boolean allows(String key, Instant now) {
        Deque<Instant> recent = recent(key);
        synchronized (recent) {
            forgetOld(recent, now);
            return recent.size() < limit;
        }
    }

    void record(String key, Instant now) {
        Deque<Instant> recent = recent(key);
        synchronized (recent) {
            recent.addLast(now);
        }
    }

    private Deque<Instant> recent(String key) {
        if (attempts.size() > MAX_KEYS) {
            // A flood of distinct keys must not exhaust memory; forgetting them all errs on the lenient side.
            attempts.clear();
        }
        return attempts.computeIfAbsent(key == null ? "" : key, k -> new ArrayDeque<>());
    }

    private void forgetOld(Deque<Instant> recent, Instant now) {
        Instant start = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
            recent.pollFirst();
        }
    }
}
