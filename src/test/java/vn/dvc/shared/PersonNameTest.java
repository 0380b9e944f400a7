package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Văn An", "Ksor H'Hạnh", "Ksor H’Hạnh", "Rơ Châm Ly", "Đặng Thị Ỷ", "Trần-Lê Minh",
            "Nguyễn V. An", "Y Ngọc Niê Kđăm", "Lý", "Ôn Ỳ", "Nông Thị Xuân", "O'Neil Jean-Pierre", "Ли Мин", "王小明"})
    void acceptsNamesInAnyScriptWithVietnameseDiacritics(String name) {
        assertThat(PersonName.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Văn An 😀", "Nguyen Van 2", "Lê Thị <b>", "Trần@Văn", "Lê_Văn", "-Lê Văn",
            "'An", ".Nam", "Nguyễn (Văn) An", "Lê;Văn"})
    void refusesDigitsEmojiAndSymbols(String name) {
        assertThat(PersonName.problem(name)).contains(PersonName.Problem.CHARACTERS);
    }

    @Test
    void countsLengthsInCharactersAfterCleaning() {
        assertThat(PersonName.problem("A")).contains(PersonName.Problem.TOO_SHORT);
        assertThat(PersonName.problem("  Ấ  ")).contains(PersonName.Problem.TOO_SHORT);
        assertThat(PersonName.problem("   ")).contains(PersonName.Problem.EMPTY);
        assertThat(PersonName.problem(null)).contains(PersonName.Problem.EMPTY);
        assertThat(PersonName.problem("Ấ".repeat(100))).isEmpty();
        assertThat(PersonName.problem("Ấ".repeat(101))).contains(PersonName.Problem.TOO_LONG);
        // 100 letters typed decomposed (each with two combining marks) are still 100 characters.
        assertThat(PersonName.problem(Normalizer.normalize("Ấ".repeat(100), Normalizer.Form.NFD))).isEmpty();
    }

    @Test
    void aDecomposedNameIsTheComposedOneWithSpacesCollapsed() {
        String typedOnAPhone = Normalizer.normalize("  Nguyễn \t Thị\u00A0 Ánh  ", Normalizer.Form.NFD);
        assertThat(typedOnAPhone).isNotEqualTo(Normalizer.normalize(typedOnAPhone, Normalizer.Form.NFC));
        assertThat(PersonName.clean(typedOnAPhone)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(PersonName.problem(typedOnAPhone)).isEmpty();
    }

    @Test
    void problemKeysAreReadable() {
        assertThat(PersonName.Problem.TOO_SHORT.key()).isEqualTo("too-short");
        assertThat(PersonName.Problem.CHARACTERS.key()).isEqualTo("characters");
    }
}
