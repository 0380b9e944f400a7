package vn.dvc.result;

import java.time.Instant;
import java.util.UUID;

/**
 * An issued electronic result: the signed PDF (a document of the document module) of a dossier.
 *
 * @param resultCode   {@code <dossier code>-KQ<n>} (Decree 45/2020, art. 14(3))
 * @param signerSubject the subject of the agency certificate that signed it (RFC 2253)
 * @param sha256        the SHA-256 of the signed file, lower-case hex: what verification compares
 * @param generated     true when the PDF was drawn from the template, false when an officer uploaded it
 */
public record ElectronicResult(String resultCode, String dossierCode, int number, String agencyCode,
        String agencyName, String procedureName, String signerSubject, String signerName, UUID documentId,
        String sha256, long size, boolean generated, String issuedBy, Instant signedAt) {
}
