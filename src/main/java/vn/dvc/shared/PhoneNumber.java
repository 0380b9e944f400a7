package vn.dvc.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Vietnamese telephone number, as people write it: {@code 0912 345 678}, {@code 0912.345.678},
 * {@code +84 912 345 678}. Mobile numbers are 0 and nine digits with a mobile prefix (03, 05, 07, 08,
 * 09); fixed lines are 0, 2 and nine digits (area code and subscriber, since the 2017 renumbering).
 *
 * @param national the number with a leading 0 and digits only, e.g. {@code 0912345678}
 */
public record PhoneNumber(String national) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]+");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern FIXED_LINE = Pattern.compile("02\\d{9}");

    public PhoneNumber {
        if (national == null || !(MOBILE.matcher(national).matches() || FIXED_LINE.matcher(national).matches())) {
            throw new IllegalArgumentException("Not a Vietnamese telephone number");
        }
    }

    /** The number in the text, mobile or fixed line; empty when the text is not one. */
    public static Optional<PhoneNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0084")) {
            digits = "0" + digits.substring(4);
        }
        if (MOBILE.matcher(digits).matches() || FIXED_LINE.matcher(digits).matches()) {
            return Optional.of(new PhoneNumber(digits));
        }
        return Optional.empty();
    }

    /** A mobile number in the text; empty for a fixed line or anything else. */
    public static Optional<PhoneNumber> parseMobile(String text) {
        return parse(text).filter(PhoneNumber::mobile);
    }

    public boolean mobile() {
        return MOBILE.matcher(national).matches();
    }

    /** The number in international form, e.g. {@code +84912345678}. */
    public String international() {
        return "+84" + national.substring(1);
    }

    @Override
    public String toString() {
        return national;
    }
}
