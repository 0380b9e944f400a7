package vn.dvc.document;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one upload accepts: the media types (recognised from the content, see {@link FileType}) and
 * the largest size in bytes.
 */
public record UploadRules(Set<String> allowedTypes, long maxBytes) {

    public static final long MEGABYTE = 1024L * 1024;

    public UploadRules {
        if (allowedTypes == null || allowedTypes.isEmpty()) {
            throw new IllegalArgumentException("an upload must accept at least one type");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the size limit must be positive");
        }
        for (String type : allowedTypes) {
            if (FileType.ofMediaType(type).isEmpty()) {
                throw new IllegalArgumentException("unknown media type " + type + "; known: " + Arrays.toString(
                        Arrays.stream(FileType.values()).map(FileType::mediaType).toArray()));
            }
        }
        allowedTypes = Set.copyOf(allowedTypes);
    }

    /**
     * Attachments to a dossier: scans and photos (PDF, JPEG, PNG) and office documents (Word, Excel,
     * OpenDocument), at most 10 MB each.
     */
    public static UploadRules defaults() {
        return DEFAULTS;
    }

    private static final UploadRules DEFAULTS = of(10 * MEGABYTE, FileType.PDF, FileType.JPEG, FileType.PNG,
            FileType.DOC, FileType.DOCX, FileType.XLS, FileType.XLSX, FileType.ODT, FileType.ODS);

    public static UploadRules of(long maxBytes, FileType... types) {
        return new UploadRules(Arrays.stream(types).map(FileType::mediaType).collect(Collectors.toSet()), maxBytes);
    }

    public UploadRules withMaxBytes(long limit) {
        return new UploadRules(allowedTypes, limit);
    }

    public boolean allows(FileType type) {
        return allowedTypes.contains(type.mediaType());
    }

    /** The accepted types in a stable order. */
    public List<FileType> types() {
        return Arrays.stream(FileType.values()).filter(this::allows).sorted(Comparator.naturalOrder()).toList();
    }

    /** "PDF, JPEG, PNG": the accepted types as people name them, for messages and hints. */
    public String typeLabels() {
        return types().stream().map(FileType::label).collect(Collectors.joining(", "));
    }

    /** The value of an {@code <input type="file" accept="...">}: ".pdf,.jpg,.jpeg,...". */
    public String acceptAttribute() {
        Set<String> accept = new LinkedHashSet<>();
        for (FileType type : types()) {
            type.extensions().forEach(e -> accept.add("." + e));
            accept.add(type.mediaType());
        }
        return String.join(",", accept);
    }

    /** The size limit as people read it: "10 MB", "500 KB". */
    public String sizeLabel() {
        return sizeLabel(maxBytes);
    }

    static String sizeLabel(long bytes) {
        if (bytes >= MEGABYTE && bytes % MEGABYTE == 0) {
            return bytes / MEGABYTE + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " byte";
    }
}
