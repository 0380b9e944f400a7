package vn.dvc.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.dvc.catalogue.Channel;

/**
 * What a submission asked for, reduced to one SHA-256, so that a repeated idempotency key can be told
 * apart from a key reused for another request (IETF draft "The Idempotency-Key HTTP Header Field": the
 * server refuses such a reuse). Two requests that mean the same thing give the same fingerprint: text
 * fields without surrounding spaces, the form answers parsed and written again with their keys sorted
 * (so whitespace and key order do not count), files by their content's SHA-256 and component, ordered by
 * component (within a component in the order sent). File names do not count: the same bytes under
 * another name are the same document.
 */
final class RequestFingerprint {

    /** A file of the request: its component (0-based) and the SHA-256 of its content in lower-case hex. */
    record File(int componentIndex, String sha256) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestFingerprint() {
    }

    static String of(String procedureCode, String agencyCode, Channel channel, int caseIndex, String formJson,
            Representation representation, List<File> files) {
        ObjectNode request = JSON.createObjectNode();
        request.put("version", 1);
        request.put("procedure", text(procedureCode));
        request.put("agency", text(agencyCode));
        request.put("channel", channel.name());
        request.put("case", caseIndex);
        request.set("form", form(formJson));
        if (representation == null) {
            request.putNull("representation");
        } else {
            ObjectNode rep = request.putObject("representation");
            rep.put("name", text(representation.representedName()));
            rep.put("id", text(representation.representedId()));
            rep.put("authorisation", text(representation.authorisation()));
        }
        ArrayNode list = request.putArray("files");
        files.stream().sorted(Comparator.comparingInt(File::componentIndex))
                .forEach(f -> list.addObject().put("component", f.componentIndex()).put("sha256", f.sha256()));
        return hex(digest().digest(JSON.writeValueAsString(sorted(request)).getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of a stream's content, in lower-case hex (what the document store records). */
    static String sha256(InputStream content) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = content.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(digest.digest());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The answers as a JSON tree; text that is no JSON object stays text (such a request is refused anyway). */
    private static JsonNode form(String formJson) {
        String form = formJson == null || formJson.isBlank() ? "{}" : formJson.strip();
        try {
            return JSON.readTree(form);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().stringNode(form);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String name : new TreeSet<>(node.propertyNames())) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
