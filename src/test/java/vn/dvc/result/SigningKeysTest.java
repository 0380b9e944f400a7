package vn.dvc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import vn.dvc.shared.ConflictException;

/** A real agency's keystore is found through environment variables; without one and without demo mode, no key. */
class SigningKeysTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        return environment;
    }

    private static SigningKeys keys(StandardEnvironment environment, Path dir, String demo) {
        return new SigningKeys(environment, null, Clock.fixed(NOW, ZoneOffset.UTC), dir, demo, List.of(), List.of());
    }

    @Test
    void anAgencyKeystoreIsReadFromTheSettingsGivenAsEnvironmentVariables(@TempDir Path dir) throws Exception {
        KeyPair pair = DemoCertificates.rsa();
        X509Certificate certificate = DemoCertificates.issue(new X500Name("CN=Sở Tư pháp tỉnh Gia Lai,C=VN"), pair, null,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), false);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("stp", pair.getPrivate(), "bi-mat-2026".toCharArray(), new Certificate[] {certificate});
        Path file = dir.resolve("stp.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "bi-mat-2026".toCharArray());
        }
        StandardEnvironment environment = environment(Map.of(
                "RESULT_SIGNING_000_00_03_H21_KEYSTORE", file.toString(),
                "RESULT_SIGNING_000_00_03_H21_PASSWORD", "bi-mat-2026",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/dvc"));

        SigningKeys keys = keys(environment, dir.resolve("signing"), "auto");

        assertThat(keys.demoMode()).isFalse(); // an external database without demo data
        SigningKey key = keys.forAgency("000.00.03.H21", "Sở Tư pháp tỉnh Gia Lai");
        assertThat(key.certificate()).isEqualTo(certificate);
        assertThat(key.commonName()).isEqualTo("Sở Tư pháp tỉnh Gia Lai");
        assertThatThrownBy(() -> keys.forAgency("000.00.30.H21", "UBND thành phố Pleiku"))
                .isInstanceOf(ConflictException.class);
        assertThat(Files.exists(dir.resolve("signing"))).isFalse();
    }

    @Test
    void demoModeMakesADemoRootAndMarkedAgencyCertificatesThatSurviveARestart(@TempDir Path dir) {
        StandardEnvironment environment = environment(Map.of());
        SigningKey first = keys(environment, dir, "true").forAgency("000.00.30.H21", "UBND thành phố Pleiku");
        SigningKey again = keys(environment, dir, "true").forAgency("000.00.30.H21", "UBND thành phố Pleiku");

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(first.commonName()).isEqualTo("UBND thành phố Pleiku (DEMO)");
        assertThat(first.subject()).contains("OU=DEMO - không có giá trị pháp lý").contains("UID=000.00.30.H21");
        assertThat(first.chain()).hasSize(2);
        assertThat(first.chain().get(1).getSubjectX500Principal().getName()).contains("DEMO Root CA");
        assertThat(keys(environment, dir, "true").trustedRoots()).containsExactly(first.chain().get(1));
        assertThat(Files.exists(dir.resolve("demo-root-ca.pem"))).isTrue();
    }
}
