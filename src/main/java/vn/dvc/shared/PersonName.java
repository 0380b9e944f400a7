package vn.dvc.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's full name as a clerk would accept it: letters of any script (every Vietnamese letter with
 * its diacritics, precomposed or typed as combining marks), separated by spaces, apostrophes
 * ("Ksor H'Hạnh"), hyphens or dots ("Nguyễn V. An"); 2 to 100 characters. No digits, emoji or other
 * symbols. The clean form is composed (NFC), so that "Nguyễn" typed decomposed on a phone is the same
 * name as the composed one, with runs of whitespace as one space.
 */
public final class PersonName {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;

    /** What is wrong with a name; its lower-case name ends the message keys of the modules. */
    public enum Problem {
        /** Nothing typed. */
        EMPTY,
        /** Fewer than {@link #MIN_LENGTH} characters. */
        TOO_SHORT,
        /** More than {@link #MAX_LENGTH} characters. */
        TOO_LONG,
        /** A digit, emoji or symbol, or a name that does not start with a letter. */
        CHARACTERS;

        /** The message key suffix, e.g. {@code too-short}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    // A letter first; then letters, combining marks and the separators names use. The right single
    // quotation mark is how phones type an apostrophe.
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'\\u2019\\-]*");

    private PersonName() {
    }

    /** NFC, trimmed, runs of whitespace as one space; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return WHITESPACE.matcher(VietnameseText.nfc(text)).replaceAll(" ").strip();
    }

    /** What is wrong with the name as typed (cleaned first); empty when it is a name. */
    public static Optional<Problem> problem(String text) {
        String name = clean(text);
        if (name == null || name.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(Problem.CHARACTERS);
        }
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }
}
