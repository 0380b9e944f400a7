package vn.dvc.payment;

/** Where a payment stands. Only the gateway's IPN moves a payment out of PENDING, except expiry. */
public enum PaymentStatus {
    /** Redirected to the gateway, no IPN yet. */
    PENDING,
    /** The IPN reported success ({@code vnp_ResponseCode} and {@code vnp_TransactionStatus} both 00). */
    PAID,
    /** The IPN reported a failed transaction. */
    FAILED,
    /** The IPN reported that the customer cancelled ({@code vnp_ResponseCode} 24). */
    CANCELLED,
    /** No IPN before the order's expiry date ({@code vnp_ExpireDate}). */
    EXPIRED
}
