package vn.dvc.payment;

import java.time.Instant;

/** The gateway confirmed a dossier's payment (by IPN): the dossier may leave "waiting for payment". */
public record PaymentConfirmed(String dossierCode, String orderRef, long amountVnd, Instant paidAt) {
}
