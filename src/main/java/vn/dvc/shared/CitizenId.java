package vn.dvc.shared;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A citizen identity number (số định danh cá nhân, printed on the căn cước công dân, CCCD): 12
 * digits, RULES.md §2 (Circular 07/2016/TT-BCA, now 59/2021/TT-BCA): 3 for the province where the
 * birth was registered (001–096), 1 for sex and century (0/1 male/female born 1900–1999, 2/3 in the
 * 2000s, 4/5 in the 2100s, and so on), 2 for the last digits of the birth year, 6 random. There is no
 * check digit, so the most a validator can do is check the structure and that the number agrees with
 * the date of birth and sex the person gives.
 *
 * <p>{@link #toString()} masks the number, so that one logged by mistake does not leak; {@link #value()}
 * gives it whole.
 *
 * @param value the 12 digits
 */
public record CitizenId(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern SPACES = Pattern.compile("[\\s.]+");

    /** Sex as the fourth digit encodes it (even male, odd female). */
    public enum Sex {
        MALE, FEMALE
    }

    /** Why a text is not a citizen identity number, or does not belong to the person described. */
    public enum Problem {
        /** Not 12 digits. */
        FORMAT,
        /** The first three digits are not a province code 001–096. */
        PROVINCE,
        /** The fourth digit says the other sex. */
        SEX_MISMATCH,
        /** The fourth digit's century and the next two digits do not give the year of birth. */
        BIRTH_YEAR_MISMATCH
    }

    public CitizenId {
        Optional<Problem> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a citizen identity number: " + problem.get());
        }
    }

    /** The number as typed, without spaces or dots; null stays null. */
    public static String compact(String text) {
        return text == null ? null : SPACES.matcher(text).replaceAll("");
    }

    /** What is wrong with the text as a citizen identity number, if anything (spaces are ignored). */
    public static Optional<Problem> problem(String text) {
        String digits = compact(text);
        if (digits == null || !TWELVE_DIGITS.matcher(digits).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        int province = Integer.parseInt(digits.substring(0, 3));
        if (province < 1 || province > 96) {
            return Optional.of(Problem.PROVINCE);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** The number in the text (spaces ignored); throws {@link IllegalArgumentException} when it is not one. */
    public static CitizenId parse(String text) {
        return new CitizenId(compact(text));
    }

    public static Optional<CitizenId> tryParse(String text) {
        return isValid(text) ? Optional.of(parse(text)) : Optional.empty();
    }

    /** The code of the province where the birth was registered, three digits ("064" for Gia Lai before 2025). */
    public String provinceCode() {
        return value.substring(0, 3);
    }

    public Sex sex() {
        return digit(3) % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    /** The first year of the century the fourth digit encodes: 1900 for 0/1, 2000 for 2/3, ... 2300 for 8/9. */
    public int centuryStart() {
        return 1900 + (digit(3) / 2) * 100;
    }

    /** The year of birth the number encodes: the century's first year plus the fifth and sixth digits. */
    public int birthYear() {
        return centuryStart() + Integer.parseInt(value.substring(4, 6));
    }

    /** Whether the number disagrees with the person's date of birth and sex; empty when it agrees. */
    public Optional<Problem> mismatch(LocalDate dateOfBirth, Sex personSex) {
        if (personSex != null && personSex != sex()) {
            return Optional.of(Problem.SEX_MISMATCH);
        }
        if (dateOfBirth != null && dateOfBirth.getYear() != birthYear()) {
            return Optional.of(Problem.BIRTH_YEAR_MISMATCH);
        }
        return Optional.empty();
    }

    private int digit(int index) {
        return value.charAt(index) - '0';
    }

    @Override
    public String toString() {
        return "CitizenId[" + value.substring(0, 3) + "*******" + value.substring(10) + "]";
    }
}
