package vn.dvc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "0912.345.678", "+84912345678", "+84 912 345 678",
            "0084912345678", "(+84) 912-345-678"})
    void readsAMobileNumberHoweverItIsWritten(String text) {
        PhoneNumber phone = PhoneNumber.parseMobile(text).orElseThrow();
        assertThat(phone.national()).isEqualTo("0912345678");
        assertThat(phone.international()).isEqualTo("+84912345678");
        assertThat(phone.mobile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0312345678", "0512345678", "0712345678", "0812345678", "0987654321"})
    void acceptsEveryMobilePrefix(String text) {
        assertThat(PhoneNumber.parseMobile(text)).isPresent();
    }

    @Test
    void aFixedLineIsAPhoneButNotAMobile() {
        assertThat(PhoneNumber.parse("0269 3824 999")).map(PhoneNumber::national).contains("02693824999");
        assertThat(PhoneNumber.parseMobile("02693824999")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"912345678", "091234567", "09123456789", "0112345678", "0412345678", "0612345678",
            "+8491234567", "84912345678", "09l2345678", "+1 912 345 678"})
    void refusesWhatIsNotAVietnameseNumber(String text) {
        assertThat(PhoneNumber.parseMobile(text)).isEmpty();
    }
}
