package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dvc.shared.TaxCode.Problem;

class TaxCodeTest {

    /**
     * Real tax codes as published by their holders or in public registers (among them Vietcombank
     * 0100112437, Viettel 0100109106, FPT 0101248141, Vinamilk 0300588569, and codes of Gia Lai (59)
     * and Bình Định (41) enterprises); the same set python-stdnum checks its implementation against.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0100112437", "0100109106", "0101248141", "0300588569", "0100233488", "0101245486",
            "0102182292", "0302082048", "0400129230", "0900283167", "1201480559", "3500748818", "4001100318",
            "4200919944", "5200327611", "5900705097", "8037630690", "8463763902", "0314409058-002",
            "0102641429-066", "2000102580-005", "1300440846-008"})
    void acceptsRealTaxCodes(String code) {
        assertThat(TaxCode.problem(code)).isEmpty();
        assertThat(TaxCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckDigitFromTheFirstNine() {
        // 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 1·13 + 2·7 + 4·5 + 3·3 = 102; 102 mod 11 = 3; 10 − 3 = 7
        assertThat(TaxCode.checkDigit("010011243")).isEqualTo(7);
        // 9·31 + 9·29 + ... + 9·3 = 9 · 147 = 1323 = 11 · 120 + 3 → 7; a sum divisible by 11 has no check digit
        assertThat(TaxCode.checkDigit("999999999")).isEqualTo(7);
        assertThat(TaxCode.checkDigit("599999999")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100112430", "0100112438", "0100109107", "5900705096", "0314409059-002"})
    void refusesAWrongCheckDigit(String code) {
        assertThat(TaxCode.problem(code)).contains(Problem.CHECKSUM);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"010011243", "01001124377", "010011243a", "0100112437-01", "0100112437-0011",
            "0100112437--001", "0100000008", "0314409058-000", "MST0100112437"})
    void refusesMalformedCodesZeroSequencesAndZeroBranches(String code) {
        assertThat(TaxCode.problem(code)).contains(Problem.FORMAT);
        assertThat(TaxCode.tryParse(code)).isEmpty();
    }

    @Test
    void writesBranchCodesWithADashWhateverTheInput() {
        assertThat(TaxCode.parse("0314409058002").value()).isEqualTo("0314409058-002");
        assertThat(TaxCode.parse("0312 68 78 78 - 001").value()).isEqualTo("0312687878-001");
        assertThat(TaxCode.parse("01.00.112.437").value()).isEqualTo("0100112437");
    }

    @Test
    void tellsTheEnterpriseBranchAndProvince() {
        TaxCode branch = TaxCode.parse("0314409058-002");
        assertThat(branch.isBranch()).isTrue();
        assertThat(branch.enterprise()).isEqualTo("0314409058");
        assertThat(branch.branch()).contains("002");
        assertThat(TaxCode.parse("5900705097").provinceCode()).isEqualTo("59");
        assertThat(TaxCode.parse("5900705097").branch()).isEmpty();
    }

    @Test
    void theRecordOnlyHoldsCanonicalCodes() {
        assertThatThrownBy(() -> new TaxCode("0314409058002")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxCode.parse("0100112438")).isInstanceOf(IllegalArgumentException.class);
    }
}
