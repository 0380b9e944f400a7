package vn.dvc.deadline;

import java.time.Instant;

/** How the result of a dossier was returned; by post with the address, tracking number and postal status. */
public record Delivery(long dossierId, String agencyCode, ReturnMethod method, String address, String trackingNumber,
        PostalStatus postalStatus, Instant returnedAt, String officer, Instant statusUpdatedAt) {
}
