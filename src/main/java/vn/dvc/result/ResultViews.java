package vn.dvc.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.dvc.document.Documents;
import vn.dvc.document.FileType;
import vn.dvc.document.StoredDocument;
import vn.dvc.dossier.Dossiers.DossierDocument;
import vn.dvc.result.SignedPdfInspection.Report;
import vn.dvc.result.SignedPdfInspection.Signature;
import vn.dvc.shared.VietnamTime;

/**
 * What the pages and the API show of results and of signatures: the beans the fragments
 * {@code result/dossier-results} and {@code result/officer} call ({@code @resultViews}).
 */
@Component("resultViews")
class ResultViews {

    /** A result as its dossier's applicant and officers see it. */
    record ResultView(String resultCode, int number, String dossierCode, String agencyCode, String agencyName,
            String procedureName, String signerName, String signerSubject, OffsetDateTime signedAt, String sha256,
            long size, boolean generated, String downloadUrl) {

        public ZonedDateTime signedAtLocal() {
            return signedAt.atZoneSameInstant(VietnamTime.ZONE);
        }
    }

    /** What anyone may know of a result: no personal data (the dossier code is in the result code anyway). */
    record PublicResult(String resultCode, String dossierCode, String procedureName, String agencyName,
            String signerName, OffsetDateTime signedAt, String sha256) {

        public ZonedDateTime signedAtLocal() {
            return signedAt.atZoneSameInstant(VietnamTime.ZONE);
        }
    }

    /** One signature of a PDF. */
    record SignatureView(String signerName, String signerSubject, String issuerSubject, OffsetDateTime signingTime,
            OffsetDateTime notBefore, OffsetDateTime notAfter, boolean certificateExpired, boolean validAtSigning,
            SignedPdfInspection.Chain chain, boolean coversWholeDocument, boolean digestMatches,
            boolean modifiedAfterSigning, String problem) {

        public boolean intact() {
            return problem == null && !modifiedAfterSigning;
        }

        public ZonedDateTime signingTimeLocal() {
            return signingTime == null ? null : signingTime.atZoneSameInstant(VietnamTime.ZONE);
        }

        public ZonedDateTime notAfterLocal() {
            return notAfter == null ? null : notAfter.atZoneSameInstant(VietnamTime.ZONE);
        }
    }

    /** A signed PDF among a dossier's documents. */
    record SignedDocument(long id, String componentName, String fileName, boolean readable,
            List<SignatureView> signatures) {
    }

    private final ElectronicResults results;
    private final ResultAccess access;
    private final Documents documents;
    private final SignedPdfInspection inspection;

    ResultViews(ElectronicResults results, ResultAccess access, Documents documents, SignedPdfInspection inspection) {
        this.results = results;
        this.access = access;
        this.documents = documents;
        this.inspection = inspection;
    }

    /** The results of a dossier the current user may see (none otherwise). */
    public List<ResultView> of(String dossierCode) {
        return access.visible(dossierCode).map(d -> results.ofDossier(d.code()).stream().map(ResultViews::view)
                .toList()).orElse(List.of());
    }

    /**
     * The signatures of a dossier's PDF documents (those that carry one). The caller passes documents of a
     * dossier it has shown, so access was checked.
     */
    public List<SignedDocument> signed(List<DossierDocument> dossierDocuments) {
        List<SignedDocument> signed = new ArrayList<>();
        for (DossierDocument d : dossierDocuments) {
            StoredDocument stored;
            try {
                stored = documents.describe(d.documentId());
            } catch (RuntimeException e) {
                continue;
            }
            if (!FileType.PDF.mediaType().equals(stored.mediaType())) {
                continue;
            }
            Report report;
            try (InputStream in = documents.open(d.documentId())) {
                report = inspection.inspect(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                continue; // a damaged stored file is reported by the document module, not here
            }
            if (report.signed()) {
                signed.add(new SignedDocument(d.id(), d.componentName(), stored.fileName(), report.readable(),
                        report.signatures().stream().map(ResultViews::signature).toList()));
            }
        }
        return signed;
    }

    static ResultView view(ElectronicResult r) {
        return new ResultView(r.resultCode(), r.number(), r.dossierCode(), r.agencyCode(), r.agencyName(),
                r.procedureName(), r.signerName(), r.signerSubject(), time(r.signedAt()), r.sha256(), r.size(),
                r.generated(), "/api/v1/dossiers/" + r.dossierCode() + "/results/" + r.resultCode() + ".pdf");
    }

    static PublicResult publicView(ElectronicResult r) {
        return new PublicResult(r.resultCode(), r.dossierCode(), r.procedureName(), r.agencyName(), r.signerName(),
                time(r.signedAt()), r.sha256());
    }

    static SignatureView signature(Signature s) {
        return new SignatureView(s.signerName(), s.signerSubject(), s.issuerSubject(), time(s.signingTime()),
                time(s.notBefore()), time(s.notAfter()), s.expired(), s.validAtSigning(), s.chain(),
                s.coversWholeDocument(), s.digestMatches(), s.modifiedAfterSigning(), s.problem());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, VietnamTime.ZONE);
    }
}
