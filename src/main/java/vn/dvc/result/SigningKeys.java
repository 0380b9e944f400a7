package vn.dvc.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.ConflictException;

/**
 * Each agency's signing key. A real agency's key is a PKCS#12 keystore named in the settings
 * {@code result.signing.<agency code>.keystore} (a file path or {@code classpath:...}),
 * {@code result.signing.<agency code>.password} (give it in the environment, e.g.
 * {@code RESULT_SIGNING_000_00_03_H21_PASSWORD}) and optionally {@code .alias}. Without one, the demo
 * mode ({@code result.signing.demo}: on for the embedded default and when demo data is loaded) makes a
 * DEMO certificate for the agency; otherwise issuing a result is refused.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Environment environment;
    private final Agencies agencies;
    private final DemoCertificates demo;
    private final List<String> demoAgencies;
    private final List<X509Certificate> configuredRoots;
    private final Map<String, SigningKey> configured = new ConcurrentHashMap<>();

    SigningKeys(Environment environment, Agencies agencies, Clock clock, @Value("${result.signing.dir:data/signing}") Path dir,
            @Value("${result.signing.demo:auto}") String demoSetting,
            @Value("${result.signing.demo-agencies:}") List<String> demoAgencies,
            @Value("${result.signing.trusted-roots:}") List<String> trustedRoots) {
        this.environment = environment;
        this.agencies = agencies;
        this.demo = demoEnabled(environment, demoSetting) ? new DemoCertificates(dir, clock) : null;
        this.demoAgencies = demoAgencies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.configuredRoots = trustedRoots.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(SigningKeys::readCertificate).toList();
    }

    static boolean demoEnabled(Environment environment, String setting) {
        if ("auto".equalsIgnoreCase(setting.strip())) {
            return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                    || "true".equalsIgnoreCase(environment.getProperty("app.demo-data.load", ""));
        }
        return Boolean.parseBoolean(setting.strip());
    }

    /** In demo mode, the demo root and the demo agencies' certificates exist from the first start. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareDemo() {
        if (demo != null) {
            demo.root();
            for (String agency : demoAgencies) {
                if (!hasConfiguredKey(agency)) {
                    demo.agency(agency, agencies.find(agency).map(Agency::name).orElse(agency));
                }
            }
        }
    }

    boolean demoMode() {
        return demo != null;
    }

    /**
     * The agency's key: its configured keystore, else (demo mode) its demo key.
     *
     * @throws ConflictException when the agency has no key and demo mode is off
     */
    SigningKey forAgency(String agencyCode, String agencyName) {
        if (hasConfiguredKey(agencyCode)) {
            return configured.computeIfAbsent(agencyCode, this::loadConfigured);
        }
        if (demo == null) {
            throw new ConflictException("result.error.no-key", agencyCode);
        }
        return demo.agency(agencyCode, agencyName);
    }

    /**
     * Whether the agency can sign results: it has a keystore of its own, or demo mode makes one.
     * {@code null} asks about agencies without settings of their own.
     */
    boolean canSign(String agencyCode) {
        return demo != null || (agencyCode != null && hasConfiguredKey(agencyCode));
    }

    /** Roots a signature may chain to: the configured ones, and the demo root in demo mode. */
    Collection<X509Certificate> trustedRoots() {
        List<X509Certificate> roots = new ArrayList<>(configuredRoots);
        if (demo != null) {
            roots.add(demo.root());
        }
        return roots;
    }

    private boolean hasConfiguredKey(String agencyCode) {
        return StringUtils.hasText(environment.getProperty(prefix(agencyCode) + "keystore"));
    }

    private static String prefix(String agencyCode) {
        return "result.signing." + agencyCode + ".";
    }

    private SigningKey loadConfigured(String agencyCode) {
        String location = environment.getProperty(prefix(agencyCode) + "keystore");
        String password = environment.getProperty(prefix(agencyCode) + "password");
        if (password == null) {
            throw new IllegalStateException("Set " + prefix(agencyCode) + "password (in the environment) for the "
                    + "keystore of agency " + agencyCode);
        }
        try (InputStream in = open(location)) {
            SigningKey key = DemoCertificates.load(in, password.toCharArray(),
                    environment.getProperty(prefix(agencyCode) + "alias"));
            log.info("Agency {} signs with the certificate {} (valid until {})", agencyCode, key.subject(),
                    key.certificate().getNotAfter().toInstant());
            return key;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the keystore of agency " + agencyCode + " at " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        return location.startsWith("classpath:") ? new ClassPathResource(location.substring(10)).getInputStream()
                : Files.newInputStream(Path.of(location));
    }

    private static X509Certificate readCertificate(String location) {
        try (InputStream in = open(location)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the trusted root certificate " + location, e);
        }
    }
}
