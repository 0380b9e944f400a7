package vn.dvc.payment;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciliation: a PENDING order past its {@code vnp_ExpireDate} without an IPN is marked EXPIRED.
 * A real gateway connection would first ask VNPay about each such order ({@code vnp_Command=querydr}
 * on its merchant API) and settle the ones VNPay reports paid; that call belongs here, before expiring.
 */
@Component
class PaymentExpiry {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentExpiry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Expires the overdue orders; answers how many. */
    @Scheduled(fixedDelayString = "${payment.expiry-check-interval:PT5M}", initialDelayString = "PT1M")
    int expireOverdue() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update payment set status = 'EXPIRED', updated_at = ? where status = 'PENDING' and expires_at < ?")
                .params(now, now).update();
    }
}
