package vn.dvc.document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Sends a stored document to a browser with headers that keep it from doing harm: the type recognised
 * at upload (never sniffed again: {@code nosniff}), inline only for PDF and images, a sandbox policy so
 * that nothing in the file can run as the site, no caching of personal files, and the file name in
 * RFC 6266/5987 form. It checks no access: the calling controller (dossier, result) decides who may see
 * which document before calling it.
 */
@Component
public class DocumentResponses {

    /** A document shown by the browser runs nothing and cannot act as the site's origin. */
    static final String SANDBOX = "sandbox";

    private final Documents documents;

    DocumentResponses(Documents documents) {
        this.documents = documents;
    }

    /** For viewing: PDF and images inline in the browser, other types as a download. */
    public ResponseEntity<StreamingResponseBody> preview(UUID id) {
        StoredDocument document = documents.describe(id);
        return respond(document, document.type().previewable());
    }

    /** For saving: always as a download. */
    public ResponseEntity<StreamingResponseBody> download(UUID id) {
        return respond(documents.describe(id), false);
    }

    private ResponseEntity<StreamingResponseBody> respond(StoredDocument document, boolean inline) {
        StreamingResponseBody body = out -> {
            try (InputStream in = documents.open(document.id())) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().headers(headers(document, inline)).body(body);
    }

    static HttpHeaders headers(StoredDocument document, boolean inline) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(document.type() == FileType.TEXT
                ? new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)
                : MediaType.parseMediaType(document.mediaType()));
        headers.setContentLength(document.size());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline ? "inline" : "attachment",
                document.fileName()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", SANDBOX);
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.setCacheControl("private, no-store");
        return headers;
    }

    /**
     * {@code inline; filename="ho so.pdf"; filename*=UTF-8''h%E1%BB%93%20s%C6%A1.pdf}: browsers use the
     * UTF-8 form; the plain one, without diacritics, is for old clients.
     */
    static String contentDisposition(String disposition, String fileName) {
        return disposition + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
                + rfc5987(fileName);
    }

    static String asciiFallback(String fileName) {
        String bare = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        StringBuilder ascii = new StringBuilder();
        for (char c : bare.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return ascii.toString();
    }

    /** RFC 5987 attr-char stays as is; every other byte of the UTF-8 form is percent-encoded. */
    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
