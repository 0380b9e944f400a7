package vn.dvc.result;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.ASN1String;

/** An agency's signing key with its certificate first, then the rest of its chain (root last). */
record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    SigningKey {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** The subject as RFC 2253 text ("CN=Sở Tư pháp (DEMO),O=...,C=VN"). */
    String subject() {
        return certificate().getSubjectX500Principal().getName();
    }

    String commonName() {
        return commonName(certificate());
    }

    static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? certificate.getSubjectX500Principal().getName()
                : cn[0].getFirst().getValue() instanceof ASN1String s ? s.getString()
                : cn[0].getFirst().getValue().toString();
    }
}
