package vn.dvc.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.springframework.stereotype.Component;

/**
 * Reads the signatures of a PDF (an applicant's signed upload, or a result to verify): for each, the
 * signer's certificate (subject, validity, expired today, chain to a trusted root), the signing time, whether
 * its byte range reaches the end of the file (nothing was appended after signing) and whether the digest of
 * the signed bytes matches (nothing was changed). It trusts nothing in the file: a damaged or hostile PDF
 * gives a report that says so, never an exception.
 */
@Component
public class SignedPdfInspection {

    /** The largest file inspected (uploads are smaller anyway). */
    static final int MAX_BYTES = 50 * 1024 * 1024;

    /** How a certificate relates to the roots this system trusts. */
    public enum Chain {
        /** It chains to a configured root (or the demo root in demo mode). */
        TRUSTED,
        /** It does not chain to any root we know (which does not make it false). */
        UNKNOWN_ROOT
    }

    /**
     * One signature.
     *
     * @param signerSubject       the signing certificate's subject (RFC 2253), null when unreadable
     * @param expired             the certificate's validity ended before now
     * @param validAtSigning      the signing time falls within the certificate's validity
     * @param coversWholeDocument the byte range starts at 0 and ends at the end of the file
     * @param digestMatches       the CMS signature verifies against the signed bytes
     * @param problem             why the signature could not be read, or null
     */
    public record Signature(String fieldName, String subFilter, String signerSubject, String signerName,
            String issuerSubject, Instant notBefore, Instant notAfter, boolean expired, boolean validAtSigning,
            Chain chain, String trustedRoot, Instant signingTime, boolean coversWholeDocument, boolean digestMatches,
            String certificateSha256, String reason, String problem) {

        /** Bytes were changed or appended after this signature. */
        public boolean modifiedAfterSigning() {
            return !digestMatches || !coversWholeDocument;
        }
    }

    /**
     * What was found.
     *
     * @param readable whether the file could be read as a PDF at all
     */
    public record Report(boolean readable, long size, String sha256, List<Signature> signatures) {

        public boolean signed() {
            return !signatures.isEmpty();
        }
    }

    private final SigningKeys keys;
    private final Clock clock;

    SignedPdfInspection(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Reads the stream to its end (at most {@value #MAX_BYTES} bytes; beyond, the file counts as unreadable). */
    public Report inspect(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Report(false, bytes.length, null, List.of());
            }
            return inspect(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Report inspect(byte[] file) {
        String sha256 = sha256(file);
        List<Signature> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(file)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                found.add(signature(signature, file));
            }
        } catch (IOException | RuntimeException e) {
            return new Report(false, file.length, sha256, List.of());
        }
        return new Report(true, file.length, sha256, List.copyOf(found));
    }

    private Signature signature(PDSignature signature, byte[] file) {
        String field = signature.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.T);
        String subFilter = signature.getSubFilter();
        Instant dictionaryTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean rangeSane = range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && range[3] >= 0 && (long) range[2] + range[3] <= file.length;
        boolean whole = rangeSane && (long) range[2] + range[3] == file.length;
        if (!rangeSane) {
            return unreadable(field, subFilter, dictionaryTime, signature.getReason(), "byte-range");
        }
        try {
            byte[] signedContent = new byte[range[1] + range[3]];
            System.arraycopy(file, 0, signedContent, 0, range[1]);
            System.arraycopy(file, range[2], signedContent, range[1], range[3]);
            // /Contents is padded with zeros after the DER object: read exactly one object.
            ASN1Primitive object;
            try (ASN1InputStream asn1 = new ASN1InputStream(signature.getContents())) {
                object = asn1.readObject();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
                    ContentInfo.getInstance(object));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(
                    (Selector<X509CertificateHolder>) signer.getSID());
            if (matches.isEmpty()) {
                return unreadable(field, subFilter, dictionaryTime, signature.getReason(), "no-certificate");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            List<X509Certificate> others = new ArrayList<>();
            for (Object holder : cms.getCertificates().getMatches(null)) {
                others.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            boolean digestMatches;
            try {
                digestMatches = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (Exception e) {
                digestMatches = false; // a digest mismatch is thrown rather than answered
            }
            Instant signingTime = signingTime(signer, dictionaryTime);
            Instant now = clock.instant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            boolean validAtSigning = signingTime != null && !signingTime.isBefore(notBefore)
                    && !signingTime.isAfter(notAfter);
            X509Certificate root = chain(certificate, others, signingTime == null ? now : signingTime);
            return new Signature(field, subFilter, certificate.getSubjectX500Principal().getName(),
                    SigningKey.commonName(certificate), certificate.getIssuerX500Principal().getName(), notBefore,
                    notAfter, now.isAfter(notAfter), validAtSigning, root == null ? Chain.UNKNOWN_ROOT : Chain.TRUSTED,
                    root == null ? null : root.getSubjectX500Principal().getName(), signingTime, whole, digestMatches,
                    sha256(certificate.getEncoded()), signature.getReason(), null);
        } catch (Exception e) {
            return unreadable(field, subFilter, dictionaryTime, signature.getReason(), "cms");
        }
    }

    private static Signature unreadable(String field, String subFilter, Instant time, String reason, String problem) {
        return new Signature(field, subFilter, null, null, null, null, null, false, false, Chain.UNKNOWN_ROOT, null,
                time, false, false, null, reason, problem);
    }

    /** The signing-time attribute if the signer put one (CAdES-BES, adbe.pkcs7), else the dictionary's /M. */
    private static Instant signingTime(SignerInformation signer, Instant dictionaryTime) {
        if (signer.getSignedAttributes() != null) {
            Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            if (attribute != null && attribute.getAttrValues().size() > 0) {
                try {
                    return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
                } catch (RuntimeException e) {
                    return dictionaryTime;
                }
            }
        }
        return dictionaryTime;
    }

    /** The trusted root the certificate chains to at that time (revocation is not checked), or null. */
    private X509Certificate chain(X509Certificate certificate, List<X509Certificate> others, Instant at) {
        Collection<X509Certificate> roots = keys.trustedRoots();
        for (X509Certificate root : roots) {
            if (root.equals(certificate)) {
                return root;
            }
        }
        if (roots.isEmpty()) {
            return null;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> store = new ArrayList<>(others);
            store.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
