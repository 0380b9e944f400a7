package vn.dvc.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.statistics.StatisticsLedger.Fact;

/**
 * What a dossier counts for. The listener relies on it: submissions are not listened to because a dossier
 * not yet received counts for nothing, whatever its channel.
 */
class StatisticsFactTest {

    static Dossier dossier(Channel channel, DossierStatus status, Instant receivedAt) {
        Instant submitted = Instant.parse("2026-11-23T02:00:00Z");
        return new Dossier(1, "000.00.30.H21-261123-0001", 1, "1.000001", "Đăng ký khai sinh", "000.00.30.H21", 1,
                null, channel, status, 0, "{}", submitted, receivedAt,
                receivedAt == null ? null : receivedAt.plusSeconds(86_400 * 3), null, null, 1);
    }

    @Test
    void aDossierCountsFromItsReceiptOnly() {
        for (Channel channel : Channel.values()) {
            assertThat(Fact.of(dossier(channel, DossierStatus.NEWLY_SUBMITTED, null), null)).as("%s", channel).isEmpty();
        }
        Instant received = Instant.parse("2026-11-23T03:00:00Z");
        assertThat(Fact.of(dossier(Channel.ONLINE, DossierStatus.IN_PROGRESS, received), null)).isPresent();
    }

    @Test
    void aWithdrawnDossierCountsUntilTheDayOfItsWithdrawal() {
        Instant received = Instant.parse("2026-03-10T03:00:00Z");
        Instant withdrawn = Instant.parse("2026-05-04T17:30:00Z"); // 00:30 on 5 May in Vietnam
        Fact fact = Fact.of(dossier(Channel.ONLINE, DossierStatus.WITHDRAWN, received), withdrawn).orElseThrow();
        assertThat(fact.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(fact.withdrawnOn()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(fact.finishedOn()).isNull();
        // Withdrawn at a time nobody knows (no timeline line): it counts nothing, rather than somewhere wrong.
        assertThat(Fact.of(dossier(Channel.ONLINE, DossierStatus.WITHDRAWN, received), null)).isEmpty();
        assertThat(Fact.of(dossier(Channel.ONLINE, DossierStatus.IN_PROGRESS, received), null).orElseThrow()
                .withdrawnOn()).isNull();
    }
}
