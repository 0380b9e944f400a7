package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The form writer prints Vietnamese, and a character its font lacks (a Chinese character typed by an applicant) as "?", and without ligatures. */
class FormPdfTest {

    @Test
    void printsVietnameseAndReplacesWhatTheFontLacks() throws Exception {
        byte[] pdf;
        try (FormPdf form = new FormPdf("Thử nghiệm")) {
            form.paragraph(0, "Họ và tên: Nguyễn Thị Ánh 漢 Tuyết, thư: effi@office.vn", 10, false);
            form.row(new float[] {form.width() / 2, form.width() / 2}, List.of("Địa chỉ 漢", "Pleiku, Gia Lai"), 9,
                    true);
            pdf = form.bytes();
        }
        Path file = Files.createTempFile("form-pdf-", ".pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftotext", file.toString(), "-").start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(text).contains("Họ và tên: Nguyễn Thị Ánh ? Tuyết, thư: effi@office.vn", "Địa chỉ ?", "Pleiku, Gia Lai");
        Files.delete(file);
    }
}
