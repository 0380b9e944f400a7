package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DocumentResponsesTest {

    static StoredDocument document(String name, FileType type) {
        return new StoredDocument(UUID.randomUUID(), name, type.mediaType(), 1234, "0".repeat(64),
                Instant.parse("2026-01-05T02:00:00Z"));
    }

    @Test
    void showsPdfInlineInASandboxWithTheDetectedType() {
        HttpHeaders headers = DocumentResponses.headers(document("Giấy phép.pdf", FileType.PDF), true);
        assertThat(headers.getFirst("Content-Type")).isEqualTo("application/pdf");
        assertThat(headers.getFirst("Content-Length")).isEqualTo("1234");
        assertThat(headers.getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"Giay phep.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p.pdf");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void sendsOtherTypesAsDownloads() {
        HttpHeaders headers = DocumentResponses.headers(document("Đơn.docx", FileType.DOCX), false);
        assertThat(headers.getFirst("Content-Type")).isEqualTo(FileType.DOCX.mediaType());
        assertThat(headers.getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Don.docx\"; filename*=UTF-8''%C4%90%C6%A1n.docx");
        assertThat(DocumentResponses.headers(document("ghi chú.txt", FileType.TEXT), false).getFirst("Content-Type"))
                .isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void keepsQuotesAndPercentSignsOutOfThePlainFileName() {
        assertThat(DocumentResponses.contentDisposition("attachment", "a\"b%41 c\\d.pdf"))
                .isEqualTo("attachment; filename=\"a_b_41 c_d.pdf\"; filename*=UTF-8''a%22b%2541%20c%5Cd.pdf");
    }
}
