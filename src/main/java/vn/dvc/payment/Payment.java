package vn.dvc.payment;

import java.time.Instant;

/**
 * One payment of a dossier, as stored. {@code orderRef} is the {@code vnp_TxnRef}; {@code kind} is FEE (the
 * dossier's fee) or REQUESTED (an officer's request, {@code requestId}); {@code settledBy} IPN, QUERYDR
 * (reconciliation) or EXPIRY, null while pending.
 */
public record Payment(long id, String orderRef, String dossierCode, String agencyCode, String tmnCode,
        long amountVnd, String purpose, PaymentStatus status, String gatewayTxnNo, String bankCode,
        String responseCode, Instant paidAt, Instant expiresAt, Instant createdAt, Instant updatedAt, String kind,
        Long requestId, String settledBy) {

    public static final String FEE = "FEE";
    public static final String REQUESTED = "REQUESTED";
}
