package vn.dvc.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo certificates for the embedded default: a demo root CA and, per agency, a key and a certificate
 * issued by it with the agency's name in the subject, all marked DEMO. Kept as PKCS#12 files in a
 * directory ({@code result.signing.dir}) with random passwords in {@code keystore-passwords.properties}
 * beside them, so they survive restarts. They prove the plumbing; they have no legal value.
 */
final class DemoCertificates {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);
    static final String MARK = "DEMO - không có giá trị pháp lý";
    private static final String ROOT_FILE = "demo-root-ca.p12";
    private static final String ROOT_PEM = "demo-root-ca.pem";
    private static final String PASSWORDS = "keystore-passwords.properties";
    private static final String ALIAS = "signing";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    /**
     * How far back a demo certificate is valid from: a year, so that the results of the demo history (ADR 0026),
     * signed at the past moments it replays, fall within the validity of certificates made on the same start.
     */
    static final Duration BACKDATED = Duration.ofDays(366);

    private final Clock clock;
    private SigningKey root;
    private final java.util.Map<String, SigningKey> agencies = new java.util.HashMap<>();

    DemoCertificates(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The demo root CA, created on first use. */
    synchronized X509Certificate root() {
        return rootKey().certificate();
    }

    /** The agency's demo key, created (and issued by the demo root) on first use. */
    synchronized SigningKey agency(String agencyCode, String agencyName) {
        SigningKey known = agencies.get(agencyCode);
        if (known != null) {
            return known;
        }
        Path file = dir.resolve("agency-" + agencyCode.replaceAll("[^A-Za-z0-9.]", "_") + ".p12");
        if (Files.exists(file)) {
            // kept: opening a PKCS#12 file derives its keys anew (PBKDF2), tens of milliseconds a result
            SigningKey loaded = load(file, password(file.getFileName().toString()));
            agencies.put(agencyCode, loaded);
            return loaded;
        }
        SigningKey ca = rootKey();
        KeyPair pair = rsa();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.ST, "Gia Lai")
                .addRDN(BCStyle.O, agencyName)
                .addRDN(BCStyle.OU, MARK)
                .addRDN(BCStyle.UID, agencyCode)
                .addRDN(BCStyle.CN, agencyName + " (DEMO)")
                .build();
        Instant now = clock.instant();
        X509Certificate certificate = issue(subject, pair, ca, now.minus(BACKDATED),
                now.plus(Duration.ofDays(3 * 365)), false);
        SigningKey key = new SigningKey(pair.getPrivate(), List.of(certificate, ca.certificate()));
        save(file, key);
        agencies.put(agencyCode, key);
        log.info("Created the demo signing certificate of agency {} (not for real use)", agencyCode);
        return key;
    }

    private SigningKey rootKey() {
        if (root != null) {
            return root;
        }
        Path file = dir.resolve(ROOT_FILE);
        if (Files.exists(file)) {
            root = load(file, password(ROOT_FILE));
            return root;
        }
        KeyPair pair = rsa();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Cổng Dịch vụ công tỉnh Gia Lai")
                .addRDN(BCStyle.OU, MARK)
                .addRDN(BCStyle.CN, "DEMO Root CA - Cổng Dịch vụ công Gia Lai")
                .build();
        Instant now = clock.instant();
        X509Certificate certificate = issue(subject, pair, null, now.minus(BACKDATED),
                now.plus(Duration.ofDays(10 * 365)), true);
        root = new SigningKey(pair.getPrivate(), List.of(certificate));
        save(file, root);
        writeAtomically(dir.resolve(ROOT_PEM), pem(certificate).getBytes(StandardCharsets.US_ASCII));
        log.warn("Created a DEMO root CA in {}: results signed with its certificates have no legal value", dir);
        return root;
    }

    /**
     * A certificate for the key pair, issued by {@code issuer} (self-signed when null). Package-visible for
     * tests, which make expired certificates with it.
     */
    static X509Certificate issue(X500Name subject, KeyPair pair, SigningKey issuer, Instant notBefore,
            Instant notAfter, boolean ca) {
        try {
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
                    pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(pair.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.privateKey();
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make a certificate", e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PKCS#12 keystore: the first key entry and its chain. */
    static SigningKey load(InputStream in, char[] password, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        String chosen = alias;
        if (chosen == null || chosen.isBlank()) {
            for (String a : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    chosen = a;
                    break;
                }
            }
        }
        if (chosen == null || !store.isKeyEntry(chosen)) {
            throw new IllegalStateException("the keystore holds no private key" + (alias == null ? "" : " " + alias));
        }
        PrivateKey key = (PrivateKey) store.getKey(chosen, password);
        Certificate[] chain = store.getCertificateChain(chosen);
        return new SigningKey(key, java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
    }

    private SigningKey load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, password, ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the demo keystore " + file, e);
        }
    }

    private void save(Path file, SigningKey key) {
        try {
            char[] password = newPassword(file.getFileName().toString());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            writeAtomically(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private char[] password(String file) {
        String value = passwords().getProperty(file);
        if (value == null) {
            throw new IllegalStateException("No password for " + file + " in " + dir.resolve(PASSWORDS));
        }
        return value.toCharArray();
    }

    private char[] newPassword(String file) throws IOException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Properties all = passwords();
        all.setProperty(file, value);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        all.store(out, "Passwords of the DEMO keystores in this directory (generated; not for real use)");
        writeAtomically(dir.resolve(PASSWORDS), out.toByteArray());
        return value.toCharArray();
    }

    private Properties passwords() {
        Properties all = new Properties();
        Path file = dir.resolve(PASSWORDS);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                all.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private void writeAtomically(Path file, byte[] content) {
        try {
            createPrivateDirectory(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(content);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory keeps its default permissions
            }
        }
    }
}
