package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dvc.shared.CitizenId.Problem;
import vn.dvc.shared.CitizenId.Sex;

/** The numbers below are made up for the test; only their structure matters. */
class CitizenIdTest {

    @Test
    void readsProvinceSexAndBirthYearOfAManBornInGiaLaiIn1985() {
        CitizenId id = CitizenId.parse("064085000001");
        assertThat(id.provinceCode()).isEqualTo("064");
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.centuryStart()).isEqualTo(1900);
        assertThat(id.birthYear()).isEqualTo(1985);
    }

    @ParameterizedTest
    @CsvSource({
            "052190000002, FEMALE, 1990",
            "001200123456, MALE, 2000",
            "079307654321, FEMALE, 2007",
            "096599000000, FEMALE, 2199",
            "001400000000, MALE, 2100",
            "001999000000, FEMALE, 2399"})
    void theFourthDigitGivesSexAndCentury(String number, Sex sex, int year) {
        CitizenId id = CitizenId.parse(number);
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.birthYear()).isEqualTo(year);
    }

    @Test
    void ignoresSpacesAndDotsPeopleTypeBetweenGroups() {
        assertThat(CitizenId.parse(" 064 085 000 001 ").value()).isEqualTo("064085000001");
        assertThat(CitizenId.parse("064.085.000.001").value()).isEqualTo("064085000001");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"06408500000", "0640850000011", "06408500000a", "064-085-000-001", "０６４０８５０００００１"})
    void refusesAnythingButTwelveDigits(String text) {
        assertThat(CitizenId.problem(text)).contains(Problem.FORMAT);
        assertThat(CitizenId.isValid(text)).isFalse();
        assertThat(CitizenId.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000085000001", "097085000001", "999085000001"})
    void refusesProvinceCodesOutside001To096(String text) {
        assertThat(CitizenId.problem(text)).contains(Problem.PROVINCE);
        assertThatThrownBy(() -> CitizenId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheFirstAndLastProvinceCodes() {
        assertThat(CitizenId.isValid("001085000001")).isTrue();
        assertThat(CitizenId.isValid("096085000001")).isTrue();
    }

    @Test
    void agreesWithTheDateOfBirthAndSexItEncodes() {
        CitizenId id = CitizenId.parse("064085000001");
        assertThat(id.mismatch(LocalDate.of(1985, 3, 12), Sex.MALE)).isEmpty();
        assertThat(id.mismatch(LocalDate.of(1985, 12, 31), Sex.MALE)).isEmpty();
    }

    @Test
    void disagreesWithTheOtherSex() {
        assertThat(CitizenId.parse("064085000001").mismatch(LocalDate.of(1985, 3, 12), Sex.FEMALE))
                .contains(Problem.SEX_MISMATCH);
        assertThat(CitizenId.parse("064185000001").mismatch(LocalDate.of(1985, 3, 12), Sex.MALE))
                .contains(Problem.SEX_MISMATCH);
    }

    @Test
    void disagreesWithAnotherYearOrTheSameDigitsInAnotherCentury() {
        CitizenId id = CitizenId.parse("064085000001");
        assertThat(id.mismatch(LocalDate.of(1986, 3, 12), Sex.MALE)).contains(Problem.BIRTH_YEAR_MISMATCH);
        assertThat(id.mismatch(LocalDate.of(2085, 3, 12), Sex.MALE)).contains(Problem.BIRTH_YEAR_MISMATCH);
        // 2005 needs the century digit 2 (male) or 3 (female): 0 says 1905.
        assertThat(CitizenId.parse("064005000001").mismatch(LocalDate.of(2005, 1, 1), Sex.MALE))
                .contains(Problem.BIRTH_YEAR_MISMATCH);
        assertThat(CitizenId.parse("064205000001").mismatch(LocalDate.of(2005, 1, 1), Sex.MALE)).isEmpty();
    }

    @Test
    void masksTheNumberWhenPrinted() {
        assertThat(CitizenId.parse("064085123401").toString()).isEqualTo("CitizenId[064*******01]")
                .doesNotContain("0851234");
    }
}
