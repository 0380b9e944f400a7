package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.dvc.dossier.DossierLifecycle.Action;

class DossierLifecycleTest {

    @Test
    void aReceivedDossierIsAcceptedThenInProgressAndCanBeFinishedAndDelivered() {
        DossierStatus s = DossierLifecycle.next(DossierStatus.NEWLY_SUBMITTED, Action.RECEIVE, null);
        assertThat(s).isEqualTo(DossierStatus.ACCEPTED);
        assertThat(DossierLifecycle.allows(DossierStatus.NEWLY_SUBMITTED, Action.START_PROCESSING)).isFalse();
        s = DossierLifecycle.next(s, Action.START_PROCESSING, null);
        assertThat(s).isEqualTo(DossierStatus.IN_PROGRESS);
        s = DossierLifecycle.next(s, Action.FINISH, null);
        assertThat(DossierLifecycle.next(s, Action.DELIVER, null)).isEqualTo(DossierStatus.RESULT_DELIVERED);
    }

    @Test
    void aSupplementReturnsToWhereTheRequestWasMade() {
        assertThat(DossierLifecycle.next(DossierStatus.SUPPLEMENT_REQUESTED, Action.SUPPLEMENT,
                DossierStatus.NEWLY_SUBMITTED)).isEqualTo(DossierStatus.NEWLY_SUBMITTED);
        assertThat(DossierLifecycle.next(DossierStatus.SUPPLEMENT_REQUESTED, Action.SUPPLEMENT,
                DossierStatus.IN_PROGRESS)).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void closedDossiersAllowNothing() {
        for (DossierStatus status : DossierStatus.values()) {
            if (status.closed()) {
                assertThat(DossierLifecycle.allowed(status)).as(status.name()).isEmpty();
            }
        }
    }

    @Test
    void withdrawingIsAllowedOnlyBeforeTheResult() {
        assertThat(DossierLifecycle.allows(DossierStatus.NEWLY_SUBMITTED, Action.WITHDRAW)).isTrue();
        assertThat(DossierLifecycle.allows(DossierStatus.SUPPLEMENT_REQUESTED, Action.WITHDRAW)).isTrue();
        assertThat(DossierLifecycle.allows(DossierStatus.FINISHED, Action.WITHDRAW)).isFalse();
        assertThatThrownBy(() -> DossierLifecycle.next(DossierStatus.FINISHED, Action.WITHDRAW, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statusesKeepTheirNationalNumbersAndPausedOnes() {
        assertThat(DossierStatus.ofNational(7)).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(DossierStatus.values()).extracting(DossierStatus::paused).containsExactly(false, false, false,
                false, true, true, false, true, false, false);
        assertThat(DossierCodes.format("000.00.03.H21", java.time.LocalDate.of(2020, 2, 3), 118))
                .isEqualTo("000.00.03.H21-200203-0118");
    }
}
