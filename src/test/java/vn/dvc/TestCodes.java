package vn.dvc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Procedure codes for the procedures tests make, unique within the test run: one counter for every
 * fixture (each fixture once had its own, seeded from the clock, and two of them sharing a prefix could
 * hand out the same code in one run). The run's database is fresh, so counting from 1 is enough.
 */
public final class TestCodes {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestCodes() {
    }

    /** {@code prefix} ("9.6") followed by five digits: a code in the national d.dddddd form. */
    public static String procedure(String prefix) {
        int n = NEXT.incrementAndGet();
        if (n >= 100_000) {
            throw new IllegalStateException("more than 99,999 test procedures in one run");
        }
        return prefix + String.format("%05d", n);
    }
}
