package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentifierRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static String key(IdentifierRules.Failure failure) {
        return failure == null ? null : failure.key();
    }

    @Test
    void acceptsCitizenIdsOfEveryCenturyAndSexDigitInUse() {
        // Gia Lai (064), a man born in 1995; Hà Nội (001), a woman born in 1987;
        // Bình Định (052), a boy born in 2003; TP Hồ Chí Minh (079), a girl born in 2019.
        assertThat(IdentifierRules.citizenId("064095001234", LocalDate.of(1995, 4, 2), true, TODAY)).isNull();
        assertThat(IdentifierRules.citizenId("001187004321", LocalDate.of(1987, 12, 30), false, TODAY)).isNull();
        assertThat(IdentifierRules.citizenId("052203000777", LocalDate.of(2003, 1, 1), true, TODAY)).isNull();
        assertThat(IdentifierRules.citizenId("079319123456", LocalDate.of(2019, 3, 27), false, TODAY)).isNull();
        assertThat(IdentifierRules.citizenId("096300000001", null, null, TODAY)).isNull();
    }

    @Test
    void refusesCitizenIdsOfTheWrongLength() {
        assertThat(key(IdentifierRules.citizenId("06409500123", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.format");
        assertThat(key(IdentifierRules.citizenId("0640950012345", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.format");
        // The old 9-digit identity card (CMND) is not a citizen ID.
        assertThat(key(IdentifierRules.citizenId("230123456", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.format");
        assertThat(key(IdentifierRules.citizenId("06409500123A", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.format");
    }

    @Test
    void refusesProvinceCodesOutside001To096() {
        assertThat(key(IdentifierRules.citizenId("000095001234", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.province");
        assertThat(key(IdentifierRules.citizenId("097095001234", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.province");
        assertThat(IdentifierRules.citizenId("001095001234", null, null, TODAY)).isNull();
    }

    @Test
    void refusesABirthYearThatHasNotComeYet() {
        // 2 = a man born in the 2000s, 27 = 2027.
        assertThat(key(IdentifierRules.citizenId("064227001234", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.century");
        // 4 = born in the 2100s.
        assertThat(key(IdentifierRules.citizenId("064400001234", null, null, TODAY)))
                .isEqualTo("form.rule.citizen-id.century");
        assertThat(IdentifierRules.citizenId("064226001234", null, null, TODAY)).isNull();
    }

    @Test
    void checksTheCenturyAndYearDigitsAgainstTheDateOfBirth() {
        IdentifierRules.Failure wrongYear = IdentifierRules.citizenId("064095001234", LocalDate.of(1996, 4, 2), null,
                TODAY);
        assertThat(key(wrongYear)).isEqualTo("form.rule.citizen-id.birth-year");
        assertThat(wrongYear.args()).containsExactly("1996");
        // The right last two digits under the wrong century digit: 0 says 1905 for someone born in 2005.
        assertThat(key(IdentifierRules.citizenId("064005001234", LocalDate.of(2005, 6, 1), null, TODAY)))
                .isEqualTo("form.rule.citizen-id.birth-year");
        assertThat(IdentifierRules.citizenId("064205001234", LocalDate.of(2005, 6, 1), null, TODAY)).isNull();
    }

    @Test
    void checksTheSexDigitWhenTheSexIsDeclared() {
        assertThat(key(IdentifierRules.citizenId("064095001234", null, false, TODAY)))
                .isEqualTo("form.rule.citizen-id.sex");
        assertThat(key(IdentifierRules.citizenId("064195001234", null, true, TODAY)))
                .isEqualTo("form.rule.citizen-id.sex");
        assertThat(IdentifierRules.citizenId("064195001234", null, false, TODAY)).isNull();
    }

    @Test
    void computesTheCenturyDigitABirthGets() {
        assertThat(IdentifierRules.centuryDigit(1995, true)).isZero();
        assertThat(IdentifierRules.centuryDigit(1995, false)).isEqualTo(1);
        assertThat(IdentifierRules.centuryDigit(2019, true)).isEqualTo(2);
        assertThat(IdentifierRules.centuryDigit(2019, false)).isEqualTo(3);
    }

    @Test
    void acceptsPublishedTaxCodes() {
        for (String code : new String[] {"0100233488", "0314409058", "0100112437", "0312687878", "0314409058002"}) {
            assertThat(IdentifierRules.taxCode(code)).as(code).isNull();
        }
    }

    @Test
    void refusesATaxCodeWithAWrongCheckDigit() {
        assertThat(key(IdentifierRules.taxCode("0100233480"))).isEqualTo("form.rule.tax-code.checksum");
        assertThat(key(IdentifierRules.taxCode("0100233489"))).isEqualTo("form.rule.tax-code.checksum");
        assertThat(key(IdentifierRules.taxCode("0314409059002"))).isEqualTo("form.rule.tax-code.checksum");
    }

    @Test
    void refusesTaxCodesOfTheWrongShape() {
        assertThat(key(IdentifierRules.taxCode("12345"))).isEqualTo("form.rule.tax-code.format");
        assertThat(key(IdentifierRules.taxCode("031440905800"))).isEqualTo("form.rule.tax-code.format");
        assertThat(key(IdentifierRules.taxCode("0314409058000"))).isEqualTo("form.rule.tax-code.format");
        assertThat(key(IdentifierRules.taxCode("6400000000"))).isEqualTo("form.rule.tax-code.format");
        assertThat(key(IdentifierRules.taxCode("01002334AB"))).isEqualTo("form.rule.tax-code.format");
    }

    @Test
    void writesBranchTaxCodesWithAHyphen() {
        assertThat(IdentifierRules.formatTaxCode(IdentifierRules.compact("0314409058 - 002")))
                .isEqualTo("0314409058-002");
        assertThat(IdentifierRules.formatTaxCode(IdentifierRules.compact("01.00.233.488"))).isEqualTo("0100233488");
    }

    @Test
    void acceptsVietnamesePhoneNumbers() {
        for (String phone : new String[] {"0912345678", "0362345678", "0523456789", "0701234567", "0888123456",
                "+84912345678", "02693823456", "+842693823456"}) {
            assertThat(IdentifierRules.phone(IdentifierRules.compact(phone))).as(phone).isTrue();
        }
        assertThat(IdentifierRules.phone(IdentifierRules.compact("091 234 5678"))).isTrue();
        assertThat(IdentifierRules.phone(IdentifierRules.compact("(0269) 382-3456"))).isTrue();
    }

    @Test
    void refusesOtherPhoneNumbers() {
        for (String phone : new String[] {"091234567", "09123456789", "0112345678", "0412345678", "84912345678",
                "+8491234567", "+33612345678", "0912a45678"}) {
            assertThat(IdentifierRules.phone(IdentifierRules.compact(phone))).as(phone).isFalse();
        }
    }
}
