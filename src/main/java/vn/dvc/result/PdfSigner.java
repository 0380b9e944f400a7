package vn.dvc.result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF the PAdES baseline-B way: an incremental update adds a signature dictionary
 * ({@code /SubFilter /ETSI.CAdES.detached}) whose {@code /Contents} is a detached CMS SignedData over the
 * byte ranges of the whole file but the signature itself. Signed attributes: content type, message
 * digest, the ESS signing-certificate-v2 (SHA-256 of the signer's certificate) and CMS algorithm
 * protection; no signing-time attribute (PAdES puts the time in the dictionary's {@code /M}).
 */
final class PdfSigner {

    /** Room for the CMS in {@code /Contents}: an RSA-4096 signature with a three-certificate chain fits. */
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private PdfSigner() {
    }

    /** What the signature dictionary says besides the signature. */
    record Details(String name, String reason, String location, String contactInfo, Instant signingTime) {
    }

    static byte[] sign(byte[] pdf, SigningKey key, Details details) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(details.name());
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            signature.setContactInfo(details.contactInfo());
            signature.setSignDate(calendar(details.signingTime()));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, cms(key), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the PDF", e);
        }
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(vn.dvc.shared.VietnamTime.ZONE));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** The detached CMS over what PDFBox hands over (the file without the /Contents hole). */
    static SignatureInterface cms(SigningKey key) {
        return (InputStream content) -> {
            try {
                X509Certificate certificate = key.certificate();
                String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
                JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build());
                builder.setSignedAttributeGenerator(padesAttributes(certificate));
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(builder.build(
                        new JcaContentSignerBuilder(algorithm).build(key.privateKey()), certificate));
                generator.addCertificates(new JcaCertStore(key.chain()));
                CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
                return signed.getEncoded("DER");
            } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
                throw new IOException("Cannot make the CMS signature", e);
            }
        };
    }

    /** The standard signed attributes without signing time, plus signing-certificate-v2. */
    static CMSAttributeTableGenerator padesAttributes(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
        ASN1EncodableVector extra = new ASN1EncodableVector();
        extra.add(signingCertificate);
        DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
        return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }
}
