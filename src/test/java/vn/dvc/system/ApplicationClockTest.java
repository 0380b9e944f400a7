package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import vn.dvc.shared.VietnamTime;

/** The application's clock replays the past for the demo history on its own thread only (ADR 0026). */
class ApplicationClockTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private final ApplicationClock clock = new ApplicationClock(Clock.fixed(NOW, VietnamTime.ZONE));

    @Test
    void readsTheSystemTimeInVietnamUnlessReplaying() {
        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.getZone()).isEqualTo(VietnamTime.ZONE);
        assertThat(ApplicationClock.inVietnam().getZone()).isEqualTo(VietnamTime.ZONE);
    }

    @Test
    void replaysAPastMomentOnItsOwnThreadOnlyUntilBackToNow() throws Exception {
        Instant past = NOW.minus(Duration.ofDays(90));
        clock.replay(past);
        try {
            assertThat(clock.instant()).isEqualTo(past);
            assertThat(clock.withZone(ZoneOffset.UTC).instant()).isEqualTo(past);
            assertThat(clock.now()).isEqualTo(NOW);
            assertThat(CompletableFuture.supplyAsync(clock::instant).get()).isEqualTo(NOW);
        } finally {
            clock.backToNow();
        }
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void neverReplaysTheFuture() {
        assertThatThrownBy(() -> clock.replay(NOW.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
