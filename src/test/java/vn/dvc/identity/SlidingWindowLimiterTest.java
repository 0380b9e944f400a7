package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    final Instant start = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void allowsTheLimitPerKeyThenRefusesUntilTheWindowHasPassed() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1", start.plusSeconds(i))).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1", start.plusSeconds(10))).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2", start.plusSeconds(10))).as("another key").isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1", start.plus(Duration.ofHours(1)).plusSeconds(1))).isTrue();
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("k", start)).isTrue();
        assertThat(limiter.tryAcquire("k", start.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(limiter.tryAcquire("k", start.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void countsOnlyRecordedFailuresWhenAskedWithoutRecording() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, Duration.ofMinutes(15));
        assertThat(limiter.allows("account-1", start)).isTrue();
        assertThat(limiter.allows("account-1", start)).isTrue();
        limiter.record("account-1", start);
        limiter.record("account-1", start);
        assertThat(limiter.allows("account-1", start.plusSeconds(1))).isFalse();
        assertThat(limiter.allows("account-1", start.plus(Duration.ofMinutes(16)))).isTrue();
    }
}
