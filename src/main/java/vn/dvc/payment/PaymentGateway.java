package vn.dvc.payment;

import java.time.Instant;

/** A payment gateway the applicant is sent to. */
public interface PaymentGateway {

    /** What the gateway needs to take one payment. */
    record Order(String orderRef, String agencyCode, long amountVnd, String orderInfo, String clientIp,
            String locale, Instant createdAt, Instant expiresAt) {
    }

    /** The address to send the applicant's browser to. */
    String redirectUrl(Order order);
}
