package vn.dvc.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/** Starting the online payment of a dossier's fees: records a PENDING order and signs the redirect. */
@Service
public class PaymentStart {

    private static final DateTimeFormatter REF_DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(VietnamTime.ZONE);

    private final Dossiers dossiers;
    private final PaymentDues dues;
    private final JsonMapper json;
    private final Merchants merchants;
    private final PaymentGateway gateway;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;

    PaymentStart(Dossiers dossiers, PaymentDues dues, JsonMapper json, Merchants merchants,
            PaymentGateway gateway, JdbcClient jdbc, Clock clock,
            @Value("${payment.vnpay.order-validity}") Duration validity) {
        this.dossiers = dossiers;
        this.dues = dues;
        this.json = json;
        this.merchants = merchants;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = validity;
    }

    /**
     * Starts paying what the applicant's own dossier owes now ({@link PaymentDues}: an officer's open request
     * first, else the unpaid fee of its procedure and channel); answers the gateway address. Another applicant's
     * dossier is not found; a dossier with nothing to pay, or already paid, is refused.
     */
    @Transactional
    public String start(String dossierCode, long applicantId, String clientIp, String locale) {
        Dossier dossier = dossiers.findOwned(dossierCode, applicantId)
                .orElseThrow(() -> new NotFoundException("payment.dossier-not-found", dossierCode));
        PaymentDues.Due due = dues.payableNow(dossier).orElseThrow(() -> {
            if (dues.feePaid(dossier.code())) {
                return new ConflictException("payment.already-paid", dossier.code());
            }
            if (dues.fee(dossier).totalVnd() > 0 && !dues.feePayableNow(dossier)) {
                return new ConflictException("payment.not-payable-now", dossier.code());
            }
            return new ConflictException("payment.nothing-to-pay", dossier.code());
        });
        long amount = due.amountVnd();
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        long next = jdbc.sql("select nextval('payment_order_seq')").query(Long.class).single();
        String orderRef = REF_DAY.format(now) + String.format("%08d", next % 100_000_000L);
        String tmnCode = merchants.forAgency(dossier.agencyCode()).tmnCode();
        String purpose = (Payment.REQUESTED.equals(due.kind()) ? "Nghĩa vụ tài chính bổ sung, hồ sơ "
                : "Phí, lệ phí hồ sơ ") + dossier.code() + " (" + dossier.procedureName() + ")";
        jdbc.sql("""
                insert into payment(order_ref, dossier_code, agency_code, tmn_code, amount_vnd, purpose, status,
                                    expires_at, created_at, updated_at, kind, request_id, fee_items)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(orderRef, dossier.code(), dossier.agencyCode(), tmnCode, amount, purpose,
                        Timestamp.from(expires), Timestamp.from(now), Timestamp.from(now), due.kind(), due.requestId(),
                        json.writeValueAsString(due.items()))
                .update();
        // VNPay asks for order information without diacritics.
        String info = "Thanh toan phi le phi ho so " + dossier.code();
        return gateway.redirectUrl(new PaymentGateway.Order(orderRef, dossier.agencyCode(), amount, info, clientIp,
                locale, now, expires));
    }
}
