package vn.dvc.payment;

import java.time.Instant;

/** One payment of a dossier's fees, as stored. {@code orderRef} is the {@code vnp_TxnRef}. */
public record Payment(long id, String orderRef, String dossierCode, String agencyCode, String tmnCode,
        long amountVnd, String purpose, PaymentStatus status, String gatewayTxnNo, String bankCode,
        String responseCode, Instant paidAt, Instant expiresAt, Instant createdAt, Instant updatedAt) {
}
