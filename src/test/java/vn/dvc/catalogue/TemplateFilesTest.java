package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class TemplateFilesTest {

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void acceptsAWordFileWhoseNameAgrees() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertThat(TemplateFiles.contentType("to-khai.docx", docx)).contains(FormTemplates.DOCX);
        assertThat(TemplateFiles.contentType("to-khai.xlsx", docx)).isEmpty();
    }

    @Test
    void refusesAnyZipNamedLikeAWordFile() throws IOException {
        assertThat(TemplateFiles.contentType("to-khai.docx", zip("META-INF/MANIFEST.MF", "a/Main.class"))).isEmpty();
        assertThat(TemplateFiles.contentType("to-khai.docx", zip("notes.txt"))).isEmpty();
    }

    @Test
    void keepsOnlyASafeName() {
        assertThat(TemplateFiles.safeName("../../mẫu\u0000 đơn.pdf")).isEqualTo("mẫu đơn.pdf");
    }
}
