package vn.dvc.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.DossierSubmitted;
import vn.dvc.payment.PaymentConfirmed;

/**
 * Records the events other systems receive, in the transaction of the change itself: a dossier
 * submitted, a dossier's status changed, a payment confirmed. A rolled-back change leaves nothing; a
 * committed one is published even if the broker is down or the process stops right after. The
 * payloads carry codes, statuses and times only, never the applicant's personal data.
 */
@Component
class OutboundEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BrokerPublisher publisher;

    OutboundEvents(JdbcClient jdbc, Clock clock, BrokerPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
    }

    @EventListener
    void on(DossierSubmitted event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dossierCode", event.dossierCode());
        payload.put("agencyCode", event.agencyCode());
        payload.put("procedureCode", event.procedureCode());
        payload.put("channel", event.channel().name());
        payload.put("nationalStatus", 1);
        payload.put("submittedAt", event.submittedAt().toString());
        record(OutboundType.DOSSIER_SUBMITTED, event.agencyCode(), event.submittedAt(), payload);
    }

    @EventListener
    void on(DossierStatusChanged event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dossierCode", event.dossierCode());
        payload.put("agencyCode", event.agencyCode());
        payload.put("procedureCode", event.procedureCode());
        payload.put("channel", event.channel() == null ? null : event.channel().name());
        payload.put("fromStatus", event.from() == null ? null : event.from().national());
        payload.put("toStatus", event.to().national());
        payload.put("occurredAt", event.occurredAt().toString());
        record(OutboundType.DOSSIER_STATUS_CHANGED, event.agencyCode(), event.occurredAt(), payload);
    }

    @EventListener
    void on(PaymentConfirmed event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dossierCode", event.dossierCode());
        payload.put("orderRef", event.orderRef());
        payload.put("amountVnd", event.amountVnd());
        payload.put("paidAt", event.paidAt().toString());
        record(OutboundType.PAYMENT_CONFIRMED, null, event.paidAt(), payload);
    }

    private void record(OutboundType type, String agencyCode, Instant occurredAt, Map<String, Object> payload) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into integration_event(event_type, routing_key, agency_code, payload, occurred_at, recorded_at,
                    next_attempt_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(type.key(), type.key(), agencyCode, JSON.writeValueAsString(payload), Timestamp.from(occurredAt), now, now)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publisher.publishSoon();
                }
            });
        } else {
            publisher.publishSoon();
        }
    }
}
