package vn.dvc.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPay's signature (RULES.md §8): parameter names sorted, empty values skipped, joined
 * {@code name=urlencode(value)} with {@code &} (form encoding, space as {@code +}), HMAC-SHA512 hex.
 */
final class VnpaySignature {

    static final String HASH = "vnp_SecureHash";
    static final String HASH_TYPE = "vnp_SecureHashType";

    private VnpaySignature() {
    }

    /** The query string the hash covers (and, with the hash appended, the redirect's query). */
    static String query(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !HASH.equals(e.getKey()) && !HASH_TYPE.equals(e.getKey()))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String sign(String secret, Map<String, String> params) {
        return hmac(secret, query(params));
    }

    /**
     * The signature of VNPay's merchant API (querydr): the values in the order the API fixes, joined with
     * {@code |} (a missing value as the empty string), HMAC-SHA512 hex.
     */
    static String signFields(String secret, String... values) {
        return hmac(secret, String.join("|", java.util.Arrays.stream(values).map(v -> v == null ? "" : v).toList()));
    }

    /** Whether {@code given} is the merchant-API signature of the values (compared in constant time). */
    static boolean verifyFields(String secret, String given, String... values) {
        if (given == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(signFields(secret, values).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }

    /** The query with its signature appended. */
    static String signedQuery(String secret, Map<String, String> params) {
        return query(params) + "&" + HASH + "=" + sign(secret, params);
    }

    /** Whether the parameters carry a valid signature by this secret (compared in constant time). */
    static boolean verify(String secret, Map<String, String> params) {
        String given = params.get(HASH);
        if (given == null || secret == null) {
            return false;
        }
        byte[] expected = sign(secret, params).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
