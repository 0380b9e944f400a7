package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsCaseAndDiacriticsIncludingDStroke() {
        assertThat(VietnameseText.fold("Cấp Giấy phép XÂY DỰNG")).isEqualTo("cap giay phep xay dung");
        assertThat(VietnameseText.fold("Đăng ký khai sinh; đất đai")).isEqualTo("dang ky khai sinh dat dai");
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String decomposed = java.text.Normalizer.normalize("Hộ tịch", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Hộ tịch")).isEqualTo("ho tich");
    }

    @Test
    void splitsQueriesIntoDistinctWordsLongestFirst() {
        assertThat(VietnameseText.searchTerms("  giấy phép xây dựng giay ")).containsExactly("giay", "phep", "dung", "xay");
        assertThat(VietnameseText.searchTerms("   ")).isEmpty();
        assertThat(VietnameseText.searchTerms(null)).isEmpty();
    }

    @Test
    void keepsProcedureCodesSearchable() {
        assertThat(VietnameseText.searchTerms("1.001193")).containsExactly("1.001193");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(VietnameseText.likeContains("50%_a")).isEqualTo("%50\\%\\_a%");
    }
}
