package vn.dvc.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import vn.dvc.result.SignedPdfInspection.Chain;
import vn.dvc.result.SignedPdfInspection.Report;
import vn.dvc.result.SignedPdfInspection.Signature;

/** Inspection of applicants' signed PDFs, without the application: keys and certificates made here. */
class SignedPdfInspectionTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private static SignedPdfInspection inspection() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:test");
        SigningKeys keys = new SigningKeys(environment, null, Clock.fixed(NOW, ZoneOffset.UTC),
                java.nio.file.Path.of("target/tmp/no-demo"), "false", List.of(), List.of());
        return new SignedPdfInspection(keys, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A key whose certificate (issued by a test root) was valid for a year and expired a year ago. */
    static SigningKey expiredKey() {
        KeyPair rootPair = DemoCertificates.rsa();
        X509Certificate root = DemoCertificates.issue(new X500Name("CN=Test Root,C=VN"), rootPair, null,
                NOW.minus(Duration.ofDays(5 * 365)), NOW.plus(Duration.ofDays(365)), true);
        SigningKey rootKey = new SigningKey(rootPair.getPrivate(), List.of(root));
        KeyPair pair = DemoCertificates.rsa();
        X509Certificate certificate = DemoCertificates.issue(new X500Name("CN=Nguyễn Văn Ký,O=Công dân,C=VN"), pair,
                rootKey, NOW.minus(Duration.ofDays(2 * 365)), NOW.minus(Duration.ofDays(365)), false);
        return new SigningKey(pair.getPrivate(), List.of(certificate, root));
    }

    @Test
    void aPdfSignedWithAnExpiredCertificateIsReportedExpiredButIntact() {
        SigningKey key = expiredKey();
        Instant signedAt = NOW.minus(Duration.ofDays(500));
        byte[] signed = PdfSigner.sign(ResultFixtures.demoPdf(), key,
                new PdfSigner.Details("Nguyễn Văn Ký", "Đồng ý", "Pleiku", null, signedAt));

        Report report = inspection().inspect(new ByteArrayInputStream(signed));

        assertThat(report.readable()).isTrue();
        assertThat(report.signatures()).hasSize(1);
        Signature s = report.signatures().get(0);
        assertThat(s.problem()).isNull();
        assertThat(s.signerName()).isEqualTo("Nguyễn Văn Ký");
        assertThat(s.signerSubject()).contains("CN=Nguyễn Văn Ký");
        assertThat(s.expired()).isTrue();
        assertThat(s.notAfter()).isEqualTo(key.certificate().getNotAfter().toInstant());
        assertThat(s.signingTime()).isEqualTo(signedAt);
        assertThat(s.validAtSigning()).isTrue();
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.digestMatches()).isTrue();
        assertThat(s.modifiedAfterSigning()).isFalse();
        assertThat(s.chain()).isEqualTo(Chain.UNKNOWN_ROOT); // the test root is not trusted here
        assertThat(ResultFixtures.run("pdfsig", signed)).contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed");
    }

    @Test
    void aChangedByteAndAnUnsignedOrDamagedFileAreReported() {
        SigningKey key = expiredKey();
        byte[] signed = PdfSigner.sign(ResultFixtures.demoPdf(), key,
                new PdfSigner.Details("Nguyễn Văn Ký", "Đồng ý", "Pleiku", null, NOW.minus(Duration.ofDays(500))));
        byte[] changed = signed.clone();
        changed[10] ^= 0x01; // in the header comment: still a PDF, but not the signed bytes

        Signature s = inspection().inspect(new ByteArrayInputStream(changed)).signatures().get(0);
        assertThat(s.digestMatches()).isFalse();
        assertThat(s.modifiedAfterSigning()).isTrue();

        Report unsigned = inspection().inspect(new ByteArrayInputStream(ResultFixtures.demoPdf()));
        assertThat(unsigned.readable()).isTrue();
        assertThat(unsigned.signed()).isFalse();
        Report damaged = inspection().inspect(new ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F', '-', '1'}));
        assertThat(damaged.readable()).isFalse();
    }
}
