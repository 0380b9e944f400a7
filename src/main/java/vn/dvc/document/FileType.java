package vn.dvc.document;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the platform knows how to recognise from their content. Which of them a given
 * upload accepts is said by its {@link UploadRules}.
 */
public enum FileType {
    PDF("application/pdf", "PDF", Family.DOCUMENT, "pdf"),
    JPEG("image/jpeg", "JPEG", Family.IMAGE, "jpg", "jpeg", "jpe", "jfif"),
    PNG("image/png", "PNG", Family.IMAGE, "png"),
    GIF("image/gif", "GIF", Family.IMAGE, "gif"),
    TIFF("image/tiff", "TIFF", Family.IMAGE, "tif", "tiff"),
    DOC("application/msword", "DOC", Family.DOCUMENT, "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", Family.DOCUMENT, "docx"),
    XLS("application/vnd.ms-excel", "XLS", Family.DOCUMENT, "xls"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", Family.DOCUMENT, "xlsx"),
    PPT("application/vnd.ms-powerpoint", "PPT", Family.DOCUMENT, "ppt"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX", Family.DOCUMENT, "pptx"),
    ODT("application/vnd.oasis.opendocument.text", "ODT", Family.DOCUMENT, "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ODS", Family.DOCUMENT, "ods"),
    TEXT("text/plain", "TXT", Family.DOCUMENT, "txt", "csv");

    /** Images are often saved under another image's extension (PNG as .jpg); documents are not. */
    enum Family { IMAGE, DOCUMENT }

    private final String mediaType;
    private final String label;
    private final Family family;
    private final List<String> extensions;

    FileType(String mediaType, String label, Family family, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.family = family;
        this.extensions = List.of(extensions);
    }

    /** The media type, as stored and sent in {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /** The name people know the format by (PDF, DOCX), for messages. */
    public String label() {
        return label;
    }

    /** File name extensions without the dot, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** Browsers show these themselves, so a preview may open inline; others are downloaded. */
    public boolean previewable() {
        return this == PDF || this == JPEG || this == PNG || this == GIF;
    }

    boolean image() {
        return family == Family.IMAGE;
    }

    /**
     * The type of a file from its content alone; empty for anything not listed here, and always for
     * executables, scripts, HTML, SVG and XML, Office files with macros and archives carrying programs.
     */
    public static Optional<FileType> detect(Path file) {
        return ContentInspection.detect(file);
    }

    /** As {@link #detect(Path)}, for content already in memory. */
    public static Optional<FileType> detect(byte[] content) {
        return ContentInspection.detect(content);
    }

    public static Optional<FileType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    public static Optional<FileType> ofExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String bare = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(bare)).findFirst();
    }
}
