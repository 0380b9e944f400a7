package vn.dvc.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical encoding of an entry and its hash. Every field is written as its length in UTF-8 bytes, a
 * colon and the bytes, so no two different entries encode alike (a field cannot borrow from the next); a
 * missing subject or agency is written as {@code -}, which no length can start with. Times are written at
 * the microsecond PostgreSQL keeps. The details are JSON with the keys of every object sorted.
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String canonical(long sequence, Instant occurredAt, String actor, String action, String subject,
            String agencyCode, String details) {
        StringBuilder out = new StringBuilder();
        field(out, Long.toString(sequence));
        field(out, truncate(occurredAt).toString());
        field(out, actor);
        field(out, action);
        field(out, subject);
        field(out, agencyCode);
        field(out, details);
        return out.toString();
    }

    static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(AuditEntry e) {
        return hash(e.previousHash(), canonical(e.sequence(), e.occurredAt(), e.actor(), e.action(), e.subject(),
                e.agencyCode(), e.details()));
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
            return;
        }
        out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }

    /**
     * Details as canonical JSON: objects with sorted keys, strings escaped, numbers and booleans as Java
     * writes them. Only maps, collections, strings, numbers, booleans and null are allowed.
     */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof java.math.BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
