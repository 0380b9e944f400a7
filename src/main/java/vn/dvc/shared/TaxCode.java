package vn.dvc.shared;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organisation's tax code (mã số thuế, RULES.md §2): 10 digits for an enterprise or organisation,
 * or 13 for a dependent unit (branch), written {@code dddddddddd-ddd}, whose first ten are its parent's.
 * The first two digits are the tax province code, the next seven a sequence (never 0000000), the tenth
 * a check digit over the first nine: weights 31, 29, 23, 19, 17, 13, 7, 5, 3, and the check digit is
 * 10 minus the weighted sum modulo 11 (a remainder of 0 would need "10", so such numbers are never
 * issued). The rule is verified against real published codes in {@code TaxCodeTest}.
 *
 * @param value the canonical form: 10 digits, or 10 digits, a dash and 3 digits
 */
public record TaxCode(String value) {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.]+");
    private static final Pattern SHAPE = Pattern.compile("(\\d{10})(?:-?(\\d{3}))?");

    /** Why a text is not a tax code. */
    public enum Problem {
        /** Not 10 digits, or 10 digits, an optional dash and 3 digits; or a zero sequence or branch number. */
        FORMAT,
        /** The tenth digit does not match the first nine. */
        CHECKSUM
    }

    public TaxCode {
        Optional<Problem> problem = problem(value);
        if (problem.isPresent() || !value.equals(canonical(value))) {
            throw new IllegalArgumentException("Not a canonical tax code: " + problem.orElse(Problem.FORMAT));
        }
    }

    /** What is wrong with the text as a tax code, if anything (spaces and dots are ignored). */
    public static Optional<Problem> problem(String text) {
        Matcher m = shape(text);
        if (m == null) {
            return Optional.of(Problem.FORMAT);
        }
        String main = m.group(1);
        if ("0000000".equals(main.substring(2, 9)) || "000".equals(m.group(2))) {
            return Optional.of(Problem.FORMAT);
        }
        if (checkDigit(main.substring(0, 9)) != main.charAt(9) - '0') {
            return Optional.of(Problem.CHECKSUM);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** The tax code in the text, in canonical form; throws {@link IllegalArgumentException} when it is not one. */
    public static TaxCode parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("Not a tax code: " + problem(text).orElseThrow());
        }
        return new TaxCode(canonical(text));
    }

    public static Optional<TaxCode> tryParse(String text) {
        return isValid(text) ? Optional.of(parse(text)) : Optional.empty();
    }

    /**
     * The check digit of the first nine digits, or -1 when none exists (the weighted sum is a multiple
     * of 11).
     */
    public static int checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !nineDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        return check == 10 ? -1 : check;
    }

    /** The ten digits of the enterprise (for a branch, its parent's). */
    public String enterprise() {
        return value.substring(0, 10);
    }

    /** The branch number of a dependent unit's 13-digit code. */
    public Optional<String> branch() {
        return value.length() > 10 ? Optional.of(value.substring(11)) : Optional.empty();
    }

    public boolean isBranch() {
        return value.length() > 10;
    }

    /** The tax province code, the first two digits (59 is Gia Lai, 41 Bình Định). */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    private static Matcher shape(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SHAPE.matcher(SEPARATORS.matcher(text).replaceAll(""));
        return m.matches() ? m : null;
    }

    private static String canonical(String text) {
        Matcher m = shape(text);
        if (m == null) {
            return text;
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
    }

    @Override
    public String toString() {
        return value;
    }
}
