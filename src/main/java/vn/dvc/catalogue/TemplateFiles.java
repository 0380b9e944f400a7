package vn.dvc.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files may serve as form templates: PDF, Word and Excel documents (OOXML, legacy OLE2) and
 * OpenDocument text, recognised by their first bytes, not by their name; at most 10 MB.
 */
final class TemplateFiles {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private TemplateFiles() {
    }

    /** The content type to serve, when the content and the name agree on an accepted type. */
    static Optional<String> contentType(String fileName, byte[] content) {
        String extension = fileName == null || fileName.lastIndexOf('.') < 0 ? ""
                : fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (startsWith(content, PDF) && extension.equals("pdf")) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, ZIP)) {
            return switch (extension) {
                case "docx" -> Optional.of(FormTemplates.DOCX);
                case "xlsx" -> Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                case "odt" -> Optional.of("application/vnd.oasis.opendocument.text");
                default -> Optional.empty();
            };
        }
        if (startsWith(content, OLE2)) {
            return switch (extension) {
                case "doc" -> Optional.of("application/msword");
                case "xls" -> Optional.of("application/vnd.ms-excel");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** A file name safe to store and to send back: no path, no control or reserved characters. */
    static String safeName(String fileName) {
        String base = fileName == null ? "mau" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        return base.isEmpty() ? "mau" : base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
