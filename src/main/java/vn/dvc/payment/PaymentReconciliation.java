package vn.dvc.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciliation of payments whose IPN never came: every {@code payment.reconcile-interval} the orders still
 * PENDING {@code payment.reconcile-after} after their creation are looked up at the gateway with querydr
 * ({@link VnpayQuery}). A transaction the gateway reports paid (query 00, transaction status 00) or failed is
 * settled through the IPN's own code path ({@link VnpayIpn#settleReported}: same lock, same amount check, same
 * dossier transition and event, idempotent: a later IPN is answered 02). An order the gateway does not know
 * (91) or reports unfinished (01) is marked EXPIRED once past its {@code vnp_ExpireDate}; one the gateway cannot
 * be asked about stays PENDING for the next round (expiring it blindly could lose a payment).
 */
@Component
class PaymentReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final JdbcClient jdbc;
    private final Payments payments;
    private final VnpayQuery query;
    private final VnpayIpn ipn;
    private final Clock clock;
    private final Duration after;

    PaymentReconciliation(JdbcClient jdbc, Payments payments, VnpayQuery query, VnpayIpn ipn, Clock clock,
            @Value("${payment.reconcile-after:PT15M}") Duration after) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.query = query;
        this.ipn = ipn;
        this.clock = clock;
        this.after = after;
    }

    /** One round; answers how many payments changed (settled or expired). */
    @Scheduled(fixedDelayString = "${payment.reconcile-interval:PT5M}", initialDelayString = "PT1M")
    int reconcile() {
        Instant now = clock.instant();
        List<String> refs = jdbc.sql("""
                select order_ref from payment where status = 'PENDING' and created_at < ? order by id limit 500""")
                .param(Timestamp.from(now.minus(after))).query(String.class).list();
        int changed = 0;
        for (String ref : refs) {
            Optional<Payment> payment = payments.findByOrderRef(ref).filter(p -> p.status() == PaymentStatus.PENDING);
            if (payment.isPresent() && reconcile(payment.get(), now)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean reconcile(Payment payment, Instant now) {
        Optional<Map<String, String>> found = query.query(payment);
        if (found.isEmpty()) {
            return false;
        }
        Map<String, String> answer = found.get();
        String queryCode = answer.get("vnp_ResponseCode");
        String status = answer.get("vnp_TransactionStatus");
        if ("00".equals(queryCode) && status != null && !"01".equals(status)) {
            boolean paid = "00".equals(status);
            VnpayIpn.Report report = new VnpayIpn.Report(answer.get("vnp_TmnCode"), answer.get("vnp_TxnRef"),
                    answer.get("vnp_Amount"), paid, false, answer.get("vnp_TransactionNo"), answer.get("vnp_BankCode"),
                    paid ? "00" : status, answer.get("vnp_PayDate"), answer);
            VnpayIpn.IpnAnswer result = ipn.settleReported(report, "QUERYDR");
            LOG.info("Reconciled order {} by querydr: transaction status {}, {}", payment.orderRef(), status,
                    result.rspCode());
            return VnpayIpn.CONFIRMED.equals(result);
        }
        if ("91".equals(queryCode) || ("00".equals(queryCode) && "01".equals(status))) {
            return jdbc.sql("""
                    update payment set status = 'EXPIRED', settled_by = 'EXPIRY', updated_at = ?
                    where id = ? and status = 'PENDING' and expires_at < ?""")
                    .params(Timestamp.from(now), payment.id(), Timestamp.from(now)).update() == 1;
        }
        LOG.warn("querydr for order {} answered {}", payment.orderRef(), queryCode);
        return false;
    }
}
