package vn.dvc.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names as people send them, made safe to store, to show and to send back in a header: the last
 * path segment only, composed (NFC) so that Vietnamese letters stay whole, without control, invisible
 * or reserved characters, at most {@value #MAX_UTF8_BYTES} bytes, never empty.
 */
public final class FileNames {

    /** Most file systems allow 255 bytes; Vietnamese letters take two or three bytes each in UTF-8. */
    public static final int MAX_UTF8_BYTES = 180;
    /** The name of a file whose own name had nothing usable ("tài liệu"). */
    public static final String FALLBACK = "tai-lieu";

    private static final Pattern BREAKS = Pattern.compile("[\\t\\n\\r\\u000B\\f\\u0085\\p{Zl}\\p{Zp}]");
    // Cc: control characters; Cf: invisible formatting such as U+202E, which can show "exe.pdf" as "fdp.exe";
    // Cs, Cn: lone surrogates and unassigned code points.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Cn}]");
    private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private FileNames() {
    }

    public static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = BREAKS.matcher(name).replaceAll(" ");
        name = INVISIBLE.matcher(name).replaceAll("");
        name = RESERVED.matcher(name).replaceAll("_");
        name = SPACES.matcher(name).replaceAll(" ");
        name = stripDotsAndSpaces(name);
        String base = baseName(name).toLowerCase(Locale.ROOT);
        if (DEVICE_NAMES.contains(base)) {
            name = "_" + name;
        }
        name = shorten(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    /** The extension in lower case without the dot, or "" when there is none. */
    public static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name with its last extension replaced by the given one ("ảnh.jpg" becomes "ảnh.png"). */
    static String replaceExtension(String name, String extension) {
        String current = extension(name);
        String base = current.isEmpty() ? name : name.substring(0, name.length() - current.length() - 1);
        return shorten(base + "." + extension);
    }

    /** The name with an extension appended, keeping what the person wrote ("hồ sơ.v2" becomes "hồ sơ.v2.pdf"). */
    static String appendExtension(String name, String extension) {
        return shorten(name + "." + extension);
    }

    private static String baseName(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them). */
    private static String stripDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts the base name, keeping the extension, at a whole character. */
    private static String shorten(String name) {
        if (utf8Length(name) <= MAX_UTF8_BYTES) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
        String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int budget = MAX_UTF8_BYTES - utf8Length(suffix);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int codePoint = base.codePointAt(i);
            int bytes = utf8Length(new String(Character.toChars(codePoint)));
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += bytes;
            i += Character.charCount(codePoint);
        }
        return stripDotsAndSpaces(kept.toString()) + suffix;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
