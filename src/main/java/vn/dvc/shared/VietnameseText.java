package vn.dvc.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for comparing Vietnamese text the way people type it: without case and without diacritics,
 * so that "giay phep xay dung" finds "Cấp giấy phép xây dựng".
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}.]+");

    private VietnameseText() {
    }

    /** NFC form: data must be stored composed, or stacked diacritics misplace in PDFs and search. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Lower case, no diacritics, đ as d, runs of punctuation and spaces as one space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The distinct folded words of a query, longest first so the most selective filter runs first. */
    public static List<String> searchTerms(String query) {
        String folded = fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" "))
                .filter(word -> !word.isBlank())
                .distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .limit(8)
                .toList();
    }

    /** Escapes LIKE wildcards so a user's % or _ is matched literally. */
    public static String likeContains(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
