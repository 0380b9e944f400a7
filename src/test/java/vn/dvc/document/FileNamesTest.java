package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
        assertThat(FileNames.sanitise("C:\\Users\\An\\Giấy tờ.pdf")).isEqualTo("Giấy tờ.pdf");
        assertThat(FileNames.sanitise("/")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void keepsVietnameseLettersComposed() {
        String decomposed = Normalizer.normalize("Đơn đề nghị cấp giấy phép xây dựng - Nguyễn Thị Ánh.pdf",
                Normalizer.Form.NFD);
        String name = FileNames.sanitise(decomposed);
        assertThat(name).isEqualTo("Đơn đề nghị cấp giấy phép xây dựng - Nguyễn Thị Ánh.pdf");
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void removesControlInvisibleAndReservedCharacters() {
        assertThat(FileNames.sanitise("bao\u0000cao\r\n.pdf")).isEqualTo("baocao .pdf");
        assertThat(FileNames.sanitise("anh\u202Egpj.exe")).isEqualTo("anhgpj.exe");
        assertThat(FileNames.sanitise("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
        assertThat(FileNames.sanitise("  hồ   sơ\t1 .pdf  ")).isEqualTo("hồ sơ 1 .pdf");
    }

    @Test
    void neverYieldsHiddenReservedOrEmptyNames() {
        assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("   ")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("\u0007\u200B")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("ten tep.")).isEqualTo("ten tep");
        assertThat(FileNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(FileNames.sanitise("com1")).isEqualTo("_com1");
    }

    @Test
    void shortensLongNamesKeepingTheExtensionAndWholeLetters() {
        String name = FileNames.sanitise("Bản sao chứng thực ".repeat(20) + ".docx");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_UTF8_BYTES);
        assertThat(name).startsWith("Bản sao chứng thực").endsWith(".docx");
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
        assertThat(FileNames.sanitise("😀".repeat(100)).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(FileNames.MAX_UTF8_BYTES).isPositive();
    }

    @Test
    void readsAndChangesExtensions() {
        assertThat(FileNames.extension("Ảnh.JPG")).isEqualTo("jpg");
        assertThat(FileNames.extension("README")).isEmpty();
        assertThat(FileNames.replaceExtension("ảnh chân dung.jpg", "png")).isEqualTo("ảnh chân dung.png");
        assertThat(FileNames.appendExtension("hồ sơ.v2", "pdf")).isEqualTo("hồ sơ.v2.pdf");
    }
}
