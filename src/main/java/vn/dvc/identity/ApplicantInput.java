package vn.dvc.identity;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.dvc.shared.CitizenId;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PersonName;
import vn.dvc.shared.PhoneNumber;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.TaxCode;
import vn.dvc.shared.VietnameseText;

/**
 * The rules for what applicants type, field by field. Each method answers the cleaned value (or null)
 * and remembers what was wrong, so that a form gets all of its problems at once.
 */
final class ApplicantInput {

    static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPED_LIKE_A_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}");
    static final int OLDEST_BIRTH_YEAR = 1900;

    private final List<FieldProblem> problems = new ArrayList<>();

    /**
     * A person's full name ({@link PersonName}): letters with their diacritics, spaces, apostrophes,
     * hyphens and dots, 2 to 100 characters; composed (NFC) with runs of spaces as one.
     */
    String personName(String field, String text) {
        Optional<PersonName.Problem> problem = PersonName.problem(text);
        if (problem.isEmpty()) {
            return PersonName.clean(text);
        }
        return switch (problem.get()) {
            case EMPTY -> problem(field, "validation.required");
            case TOO_LONG -> problem(field, "validation.too-long", PersonName.MAX_LENGTH);
            case TOO_SHORT -> problem(field, "identity.validation.name-too-short", PersonName.MIN_LENGTH);
            case CHARACTERS -> problem(field, "identity.validation.name");
        };
    }

    /** Required free text, composed (NFC) with runs of spaces as one. */
    String text(String field, String text, int max) {
        String clean = text == null ? "" : WHITESPACE.matcher(VietnameseText.nfc(text)).replaceAll(" ").strip();
        if (clean.isEmpty()) {
            return problem(field, "validation.required");
        }
        if (clean.codePointCount(0, clean.length()) > max) {
            return problem(field, "validation.too-long", max);
        }
        return clean;
    }

    /** An e-mail address, in lower case (addresses are compared without case everywhere). */
    String email(String field, String text) {
        String email = text == null ? "" : text.strip();
        if (email.isEmpty()) {
            return problem(field, "validation.required");
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            return problem(field, "identity.validation.email");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** A Vietnamese mobile number, as 0 and nine digits. */
    String mobile(String field, String text) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        return PhoneNumber.parseMobile(text).map(PhoneNumber::national)
                .orElseGet(() -> problem(field, "identity.validation.mobile"));
    }

    /** A Vietnamese mobile or fixed-line number (an organisation's switchboard is fine). */
    String phone(String field, String text) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        return PhoneNumber.parse(text).map(PhoneNumber::national)
                .orElseGet(() -> problem(field, "identity.validation.phone"));
    }

    /**
     * A plausible date of birth (ISO as browsers send it, or dd/mm/yyyy as people type it): a day that
     * exists, not in the future, not before 1900, and at least {@code minimumAge} years before today.
     */
    LocalDate dateOfBirth(String field, String text, LocalDate today, int minimumAge) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        String value = text.strip();
        LocalDate date;
        try {
            date = value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return problem(field, SHAPED_LIKE_A_DATE.matcher(value).matches() && realDayAndMonth(value)
                    ? "identity.validation.date-nonexistent" : "identity.validation.date");
        }
        if (date.isAfter(today)) {
            return problem(field, "identity.validation.birth-future");
        }
        if (date.getYear() < OLDEST_BIRTH_YEAR) {
            return problem(field, "identity.validation.birth-implausible", String.valueOf(OLDEST_BIRTH_YEAR));
        }
        if (Period.between(date, today).getYears() < minimumAge) {
            return problem(field, "identity.validation.too-young", minimumAge);
        }
        return date;
    }

    /** 31/02/1990 or 1990-02-31: a day from 1 to 31 and a month from 1 to 12 that do not go together. */
    private static boolean realDayAndMonth(String value) {
        String[] parts = value.split("[/\\-]");
        int day = Integer.parseInt(value.contains("/") ? parts[0] : parts[2]);
        int month = Integer.parseInt(parts[1]);
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    CitizenId.Sex sex(String field, String text) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        try {
            return CitizenId.Sex.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return problem(field, "validation.required");
        }
    }

    /** A citizen identity number by its structure (RULES.md §2). */
    CitizenId citizenId(String field, String text) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        Optional<CitizenId.Problem> problem = CitizenId.problem(text);
        if (problem.isPresent()) {
            return problem(field, "identity.citizen-id." + problem.get());
        }
        return CitizenId.parse(text);
    }

    /** A citizen identity number that also agrees with the date of birth and sex given with it. */
    void citizenIdMatches(String field, CitizenId id, LocalDate dateOfBirth, CitizenId.Sex sex) {
        if (id != null && dateOfBirth != null && sex != null) {
            id.mismatch(dateOfBirth, sex).ifPresent(p -> problem(field, "identity.citizen-id." + p));
        }
    }

    /** A citizen identity number whose encoded year of birth is not after this year. */
    void citizenIdPlausible(String field, CitizenId id, LocalDate today) {
        if (id != null && id.birthYear() > today.getYear()) {
            problem(field, "identity.citizen-id.implausible");
        }
    }

    TaxCode taxCode(String field, String text) {
        if (text == null || text.isBlank()) {
            return problem(field, "validation.required");
        }
        Optional<TaxCode.Problem> problem = TaxCode.problem(text);
        if (problem.isPresent()) {
            return problem(field, "identity.tax-code." + problem.get());
        }
        return TaxCode.parse(text);
    }

    void require(boolean condition, String field, String messageKey) {
        if (!condition) {
            problem(field, messageKey);
        }
    }

    void add(List<FieldProblem> more) {
        problems.addAll(more);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    /** Throws all problems found so far, if any. */
    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(List.copyOf(problems));
        }
    }

    /** Records a problem and answers null, so that {@code return problem(...)} reads as "no value". */
    <T> T problem(String field, String messageKey, Object... args) {
        problems.add(new FieldProblem(field, messageKey, args));
        return null;
    }
}
