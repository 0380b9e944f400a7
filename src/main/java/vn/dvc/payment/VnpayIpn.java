package vn.dvc.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.shared.VietnamTime;

/**
 * VNPay's IPN, the gateway's server-to-server report of a transaction: the only thing that changes a
 * payment's status. Checks in the order of RULES.md §8 (signature 97, order 01, amount 04, already
 * confirmed 02, then 00; 99 on an unexpected error); every IPN is audited with the answer given.
 * A processed report of a failed or cancelled transaction is answered 00 too: VNPay's code says the
 * merchant processed the IPN, not that the customer paid.
 */
@Service
class VnpayIpn {

    /** The IPN's answer, as VNPay expects it: {@code {"RspCode": "00", "Message": "Confirm Success"}}. */
    record IpnAnswer(@JsonProperty("RspCode") String rspCode, @JsonProperty("Message") String message) {
    }

    static final IpnAnswer BAD_SIGNATURE = new IpnAnswer("97", "Invalid signature");
    static final IpnAnswer UNKNOWN_ORDER = new IpnAnswer("01", "Order not found");
    static final IpnAnswer WRONG_AMOUNT = new IpnAnswer("04", "Invalid amount");
    static final IpnAnswer ALREADY_CONFIRMED = new IpnAnswer("02", "Order already confirmed");
    static final IpnAnswer CONFIRMED = new IpnAnswer("00", "Confirm Success");
    static final IpnAnswer ERROR = new IpnAnswer("99", "Unknown error");

    private static final Logger LOG = LoggerFactory.getLogger(VnpayIpn.class);

    private final Merchants merchants;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    private final DossierTransitions transitions;
    private final PaymentRequests requests;

    VnpayIpn(Merchants merchants, Payments payments, JdbcClient jdbc, TransactionTemplate transactions,
            ApplicationEventPublisher events, JsonMapper json, Clock clock, DossierTransitions transitions,
            PaymentRequests requests) {
        this.transitions = transitions;
        this.requests = requests;
        this.merchants = merchants;
        this.payments = payments;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A transaction's outcome as the gateway reports it, by IPN or by querydr: the same checks and the same
     * state change follow from either.
     *
     * @param paid both the response code and the transaction status say 00
     * @param cancelled the customer cancelled (IPN response code 24)
     */
    record Report(String tmnCode, String orderRef, String amount, boolean paid, boolean cancelled,
            String transactionNo, String bankCode, String responseCode, String payDate, Map<String, String> params) {
    }

    IpnAnswer handle(Map<String, String> request) {
        Map<String, String> params = gatewayParams(request);
        IpnAnswer answer;
        try {
            answer = transactions.execute(status -> process(params));
        } catch (RuntimeException e) {
            LOG.error("VNPay IPN for order {} failed", params.get("vnp_TxnRef"), e);
            answer = ERROR;
        }
        audit(params.get("vnp_TxnRef"), answer, params, "IPN");
        return answer;
    }

    /**
     * Settles a payment from a verified report (the reconciliation's querydr answer): the IPN's own checks
     * and state change, in a transaction of its own; audited with the source QUERYDR.
     */
    IpnAnswer settleReported(Report report, String source) {
        IpnAnswer answer;
        try {
            answer = transactions.execute(status -> settle(report, source));
        } catch (RuntimeException e) {
            LOG.error("Settling order {} from {} failed", report.orderRef(), source, e);
            answer = ERROR;
        }
        audit(report.orderRef(), answer, report.params(), source);
        return answer;
    }

    private void audit(String orderRef, IpnAnswer answer, Map<String, String> params, String source) {
        jdbc.sql("""
                insert into payment_ipn(received_at, order_ref, rsp_code, params, source)
                values (?, ?, ?, ?::jsonb, ?)""")
                .params(Timestamp.from(clock.instant()), truncate(orderRef, 40), answer.rspCode(),
                        json.writeValueAsString(params), source)
                .update();
    }

    private IpnAnswer process(Map<String, String> params) {
        String tmnCode = params.get("vnp_TmnCode");
        boolean signed = merchants.byTmnCode(tmnCode)
                .map(merchant -> VnpaySignature.verify(merchant.hashSecret(), params)).orElse(false);
        if (!signed) {
            return BAD_SIGNATURE;
        }
        String responseCode = params.get("vnp_ResponseCode");
        boolean paid = "00".equals(responseCode) && "00".equals(params.get("vnp_TransactionStatus"));
        return settle(new Report(tmnCode, params.get("vnp_TxnRef"), params.get("vnp_Amount"), paid,
                "24".equals(responseCode), params.get("vnp_TransactionNo"), params.get("vnp_BankCode"), responseCode,
                params.get("vnp_PayDate"), params), "IPN");
    }

    /** The checks of RULES.md §8 after the signature (order 01, amount 04, already confirmed 02), then the change. */
    private IpnAnswer settle(Report report, String source) {
        String orderRef = report.orderRef();
        Payment payment = orderRef == null ? null : payments.lock(orderRef)
                .filter(p -> p.tmnCode().equals(report.tmnCode())).orElse(null);
        if (payment == null) {
            return UNKNOWN_ORDER;
        }
        if (!Long.toString(payment.amountVnd() * 100).equals(report.amount())) {
            return WRONG_AMOUNT;
        }
        // An EXPIRED order may still be settled: expiry is our guess, the gateway's report is the fact.
        if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.EXPIRED) {
            return ALREADY_CONFIRMED;
        }
        boolean paid = report.paid();
        PaymentStatus outcome = paid ? PaymentStatus.PAID
                : report.cancelled() ? PaymentStatus.CANCELLED : PaymentStatus.FAILED;
        Instant now = clock.instant();
        Instant paidAt = paid ? payDate(report.payDate(), now) : null;
        jdbc.sql("""
                update payment set status = ?, gateway_txn_no = ?, bank_code = ?, response_code = ?, paid_at = ?,
                                   ipn_params = ?::jsonb, settled_by = ?, updated_at = ?
                where id = ?""")
                .params(outcome.name(), truncate(report.transactionNo(), 40), truncate(report.bankCode(), 20),
                        truncate(report.responseCode(), 4), paidAt == null ? null : Timestamp.from(paidAt),
                        json.writeValueAsString(report.params()), source, Timestamp.from(now), payment.id())
                .update();
        if (paid) {
            boolean settlesRequest = payment.requestId() != null;
            if (settlesRequest) {
                requests.settle(payment.requestId(), paidAt);
            }
            // In the settling transaction: the dossier records the payment (and leaves status 6 for a request).
            transitions.paymentReceived(payment.dossierCode(), payment.orderRef(), payment.amountVnd(),
                    settlesRequest);
            events.publishEvent(new PaymentConfirmed(payment.dossierCode(), payment.orderRef(), payment.amountVnd(),
                    paidAt));
        }
        return CONFIRMED;
    }

    /** Only the gateway's own parameters are kept (VNPay sends no card data). */
    private static Map<String, String> gatewayParams(Map<String, String> request) {
        Map<String, String> params = new TreeMap<>();
        request.forEach((name, value) -> {
            if (name.startsWith("vnp_") && params.size() < 50) {
                params.put(name, truncate(value, 500));
            }
        });
        return params;
    }

    private static Instant payDate(String value, Instant fallback) {
        try {
            return value == null ? fallback
                    : LocalDateTime.parse(value, VnpayGateway.VNPAY_TIME).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
