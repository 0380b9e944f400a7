package vn.dvc.catalogue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import vn.dvc.shared.InvalidInputException;

/** The formats a procedure file may have; the name's extension and the content must agree. */
enum FileFormat {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    JSON("application/json");

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final String contentType;

    FileFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of an uploaded file, or a refusal saying in the user's words what is wrong with it. */
    static FileFormat detect(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("catalogue.import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("catalogue.import.error.too-large", MAX_BYTES / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        FileFormat format = null;
        for (FileFormat candidate : values()) {
            if (name.endsWith("." + candidate.extension())) {
                format = candidate;
            }
        }
        if (format == null) {
            throw new InvalidInputException("catalogue.import.error.type");
        }
        boolean fits = switch (format) {
            // XLSX is a ZIP container: it starts with a local file header.
            case XLSX -> content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
            case CSV -> isText(content);
            case JSON -> isText(content) && firstCharacter(content) == '[';
        };
        if (!fits) {
            throw new InvalidInputException("catalogue.import.error.content-" + format.extension());
        }
        return format;
    }

    /** Valid UTF-8 without NUL bytes: executables and other binaries fail this. */
    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static char firstCharacter(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.UTF_8);
        return text.replace("\uFEFF", "").strip().isEmpty() ? ' ' : text.replace("\uFEFF", "").strip().charAt(0);
    }
}
