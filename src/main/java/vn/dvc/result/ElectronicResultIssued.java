package vn.dvc.result;

import java.time.Instant;

/**
 * An electronic result was issued (published in the issuing transaction). For listeners that tell the
 * applicant or record it in the dossier's timeline; the signed file is {@code documentId} in the document store.
 */
public record ElectronicResultIssued(String resultCode, String dossierCode, String agencyCode,
        java.util.UUID documentId, String issuedBy, Instant signedAt) {
}
