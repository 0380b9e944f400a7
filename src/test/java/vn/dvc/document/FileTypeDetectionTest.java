package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvc.document.Samples.concat;
import static vn.dvc.document.Samples.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypeDetectionTest {

    @TempDir
    Path dir;

    @Test
    void recognisesDocumentsAndImagesFromTheirContent() {
        assertThat(FileType.detect(Samples.pdf())).contains(FileType.PDF);
        assertThat(FileType.detect(Samples.image("jpeg"))).contains(FileType.JPEG);
        assertThat(FileType.detect(Samples.image("png"))).contains(FileType.PNG);
        assertThat(FileType.detect(Samples.image("gif"))).contains(FileType.GIF);
        assertThat(FileType.detect(Samples.image("tiff"))).contains(FileType.TIFF);
        assertThat(FileType.detect(Samples.docx())).contains(FileType.DOCX);
        assertThat(FileType.detect(Samples.xlsx())).contains(FileType.XLSX);
        assertThat(FileType.detect(Samples.xls())).contains(FileType.XLS);
        assertThat(FileType.detect(Samples.ole2("WordDocument", "1Table"))).contains(FileType.DOC);
        assertThat(FileType.detect(Samples.ole2("PowerPoint Document"))).contains(FileType.PPT);
        assertThat(FileType.detect(Samples.zip("[Content_Types].xml", "ppt/presentation.xml"))).contains(FileType.PPTX);
        assertThat(FileType.detect(Samples.openDocument("application/vnd.oasis.opendocument.text")))
                .contains(FileType.ODT);
        assertThat(FileType.detect(Samples.openDocument("application/vnd.oasis.opendocument.spreadsheet")))
                .contains(FileType.ODS);
        assertThat(FileType.detect(utf8("\uFEFFHọ và tên: Nguyễn Văn An\r\nĐịa chỉ: Pleiku\n"))).contains(FileType.TEXT);
        assertThat(FileType.detect(utf8("ma_ho_so;ngay\n000.00.03.H21-260101-0001;01/01/2026\n")))
                .contains(FileType.TEXT);
    }

    @Test
    void detectsTheSameFromAFileOnDisk() throws IOException {
        Path docx = Files.write(dir.resolve("a"), Samples.docx());
        Path pdf = Files.write(dir.resolve("b"), Samples.pdf());
        Path exe = Files.write(dir.resolve("c"), Samples.executable());
        assertThat(FileType.detect(docx)).contains(FileType.DOCX);
        assertThat(FileType.detect(pdf)).contains(FileType.PDF);
        assertThat(FileType.detect(exe)).isEmpty();
    }

    @Test
    void neverRecognisesExecutablesOrScripts() {
        assertThat(FileType.detect(Samples.executable())).isEmpty();
        assertThat(FileType.detect(concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, new byte[64]))).isEmpty();
        assertThat(FileType.detect(concat(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
                new byte[64]))).isEmpty();
        assertThat(FileType.detect(utf8("#!/bin/sh\nrm -rf /\n"))).isEmpty();
        assertThat(FileType.detect(utf8("MZ but text"))).isEmpty();
    }

    @Test
    void neverRecognisesMarkupThatABrowserWouldRun() {
        assertThat(FileType.detect(utf8("<html><body>Giấy tờ</body></html>"))).isEmpty();
        assertThat(FileType.detect(utf8("  <svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")))
                .isEmpty();
        assertThat(FileType.detect(utf8("<?xml version=\"1.0\"?><a/>"))).isEmpty();
        assertThat(FileType.detect(utf8("Ghi chú\n" + "x".repeat(9000) + "<ScRiPt>alert(1)</script>"))).isEmpty();
        assertThat(FileType.detect(utf8("Bấm vào javascript:alert(1)"))).isEmpty();
        assertThat(FileType.detect(utf8("{\\rtf1\\ansi hello}"))).isEmpty();
    }

    @Test
    void findsMarkupAcrossTheReadersBlocks() {
        String text = "a".repeat(8192 - 3) + "<script>";
        assertThat(FileType.detect(utf8(text))).isEmpty();
    }

    @Test
    void refusesOfficeFilesWithMacrosAndArchivesCarryingPrograms() {
        assertThat(FileType.detect(Samples.zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
                .isEmpty();
        assertThat(FileType.detect(Samples.zip("[Content_Types].xml", "word/document.xml", "payload/run.exe")))
                .isEmpty();
        assertThat(FileType.detect(Samples.zip("[Content_Types].xml", "word/document.xml", "a/B.class"))).isEmpty();
        assertThat(FileType.detect(Samples.ole2("WordDocument", "Macros"))).isEmpty();
        assertThat(FileType.detect(Samples.ole2("EncryptionInfo", "EncryptedPackage"))).isEmpty();
        assertThat(FileType.detect(Samples.openDocument("application/vnd.oasis.opendocument.text",
                "Basic/Standard/Module1.xml"))).isEmpty();
    }

    @Test
    void doesNotRecogniseOtherArchivesCompoundFilesOrBinaries() {
        assertThat(FileType.detect(Samples.zip("readme.txt", "photo.jpg"))).isEmpty();
        assertThat(FileType.detect(Samples.zip("[Content_Types].xml", "other/part.xml"))).isEmpty();
        assertThat(FileType.detect(Samples.ole2("SummaryInformation"))).isEmpty();
        assertThat(FileType.detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isEmpty();
        assertThat(FileType.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1, 0, 0})).isEmpty();
        assertThat(FileType.detect(new byte[] {1, 2, 3, 0, 5})).isEmpty();
        assertThat(FileType.detect("Hồ sơ".getBytes(java.nio.charset.Charset.forName("windows-1258")))).isEmpty();
        assertThat(FileType.detect(new byte[0])).isEmpty();
    }

    @Test
    void mapsMediaTypesAndExtensions() {
        assertThat(FileType.ofMediaType("application/pdf; charset=binary")).contains(FileType.PDF);
        assertThat(FileType.ofMediaType("application/x-msdownload")).isEqualTo(Optional.empty());
        assertThat(FileType.ofExtension("JPG")).contains(FileType.JPEG);
        assertThat(FileType.ofExtension("exe")).isEmpty();
        assertThat(FileType.PDF.previewable()).isTrue();
        assertThat(FileType.DOCX.previewable()).isFalse();
        assertThat(FileType.TIFF.previewable()).isFalse();
    }
}
