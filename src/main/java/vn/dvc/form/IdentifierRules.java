package vn.dvc.form;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The checks of Vietnamese identifiers: citizen ID numbers, tax codes and phone numbers. Pure; each
 * check answers null when the value is fine, or the bundle key (and arguments) of what is wrong.
 */
final class IdentifierRules {

    /** A failed check: the message key and its arguments. */
    record Failure(String key, Object... args) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern TAX_DIGITS = Pattern.compile("\\d{10}|\\d{13}");
    // Mobile numbers are 0 + 9 digits (03, 05, 07, 08, 09); landlines since 2017 are 0 + 10 digits (02x).
    private static final Pattern PHONE = Pattern.compile("(0|\\+84)([35789]\\d{8}|2\\d{9})");
    private static final int[] TAX_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private IdentifierRules() {
    }

    /** The value without the spaces, dots, hyphens and brackets people type inside numbers. */
    static String compact(String value) {
        return SEPARATORS.matcher(value).replaceAll("");
    }

    /**
     * A personal identification number (CCCD), Circular 07/2016/TT-BCA and 59/2021/TT-BCA (RULES.md §2):
     * 12 digits; 3 for the province of birth registration (001–096); 1 for sex and century (0/1 male/
     * female born 1900–1999, 2/3 2000–2099, 4/5 2100–2199 ...); 2 for the last digits of the birth year;
     * 6 random.
     *
     * @param dateOfBirth the date of birth declared with it, if any
     * @param male the sex declared with it, if any
     */
    static Failure citizenId(String digits, LocalDate dateOfBirth, Boolean male, LocalDate today) {
        if (!TWELVE_DIGITS.matcher(digits).matches()) {
            return new Failure("form.rule.citizen-id.format");
        }
        int province = Integer.parseInt(digits.substring(0, 3));
        if (province < 1 || province > 96) {
            return new Failure("form.rule.citizen-id.province");
        }
        int centuryDigit = digits.charAt(3) - '0';
        int birthYear = 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(digits.substring(4, 6));
        if (birthYear > today.getYear()) {
            return new Failure("form.rule.citizen-id.century");
        }
        if (dateOfBirth != null && dateOfBirth.getYear() != birthYear) {
            return new Failure("form.rule.citizen-id.birth-year", String.valueOf(dateOfBirth.getYear()));
        }
        if (male != null && (centuryDigit % 2 == 0) != male) {
            return new Failure("form.rule.citizen-id.sex");
        }
        return null;
    }

    /** The century and sex digit a person born in {@code year} gets (the fourth digit). */
    static int centuryDigit(int year, boolean male) {
        return (year / 100 - 19) * 2 + (male ? 0 : 1);
    }

    /**
     * A tax code (mã số thuế): 2 digits of province, 7 of sequence, 1 check digit, and for dependent
     * units a 3-digit suffix (001–999), usually written after a hyphen. The check digit is
     * 10 − (Σ wᵢ·dᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 over the first nine digits, as
     * the General Department of Taxation issues them; verified on published codes (0100233488,
     * 0314409058, 0100112437, 0312687878) and as python-stdnum's vn.mst implements it.
     *
     * @param compact the value without separators
     */
    static Failure taxCode(String compact) {
        if (!TAX_DIGITS.matcher(compact).matches() || compact.substring(2, 9).equals("0000000")
                || (compact.length() == 13 && compact.endsWith("000"))) {
            return new Failure("form.rule.tax-code.format");
        }
        int total = 0;
        for (int i = 0; i < TAX_WEIGHTS.length; i++) {
            total += TAX_WEIGHTS[i] * (compact.charAt(i) - '0');
        }
        int check = 10 - total % 11;
        if (check != compact.charAt(9) - '0') {
            return new Failure("form.rule.tax-code.checksum");
        }
        return null;
    }

    /** A tax code as written: 10 digits, or 10 digits, a hyphen and the 3-digit suffix. */
    static String formatTaxCode(String compact) {
        return compact.length() == 13 ? compact.substring(0, 10) + "-" + compact.substring(10) : compact;
    }

    static boolean phone(String compact) {
        return PHONE.matcher(compact).matches();
    }
}
