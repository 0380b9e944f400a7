package vn.dvc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Procedure codes for the procedures tests make, unique within the test run: one counter for every
 * fixture (each fixture once had its own, seeded from the clock, and two of them sharing a prefix could
 * hand out the same code in one run), and the same for agencies. The run's database is fresh, so one
 * counter per run is enough.
 */
public final class TestCodes {

    /** From 50,000: tests that name their codes (9.900001 to 9.900081 and the like) keep the lower half. */
    private static final AtomicInteger NEXT = new AtomicInteger(50_000);
    private static final AtomicInteger NEXT_AGENCY = new AtomicInteger();

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

    /**
     * A provincial agency code (QCVN 102 form {@code 000.NN.NN.H21}) no demo agency has: 000.60.00 to
     * 000.99.99.
     */
    public static String provincialAgency() {
        int n = NEXT_AGENCY.getAndIncrement();
        if (n >= 4_000) {
            throw new IllegalStateException("more than 4,000 test agencies in one run");
        }
        return String.format("000.%02d.%02d.H21", 60 + n / 100, n % 100);
    }
}
