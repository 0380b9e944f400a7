package vn.dvc.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The totals of catalogue searches. Counting is what a broad search costs (a query matching half the
 * catalogue scans half the catalogue), so a total is counted only up to {@link #LIMIT} ("more than
 * 1,000" is all a person needs) and remembered per filter until the catalogue changes in this
 * instance, or for at most {@code ttl} (changes made by another instance or directly in the database).
 */
final class SearchTotals {

    /** Totals above this are shown as "more than LIMIT". */
    static final int LIMIT = 1000;
    private static final int ENTRIES = 2000;

    record Total(long value, boolean exact) {

        static Total ofCount(long counted) {
            return counted > LIMIT ? new Total(LIMIT, false) : new Total(counted, true);
        }
    }

    private record Entry(Total total, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    SearchTotals(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The remembered total for this filter, or {@code counter}'s (which counts at most LIMIT + 1). */
    Total get(String key, LongSupplier counter) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && entry.expires().isAfter(now)) {
                return entry.total();
            }
        }
        Total total = Total.ofCount(counter.getAsLong());
        if (!TransactionSynchronizationManager.isActualTransactionActive()) { // never remember uncommitted data
            synchronized (entries) {
                entries.put(key, new Entry(total, now.plus(ttl)));
            }
        }
        return total;
    }

    /** Forgets every total, now and again once the current transaction (if any) has committed. */
    void catalogueChanged() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
