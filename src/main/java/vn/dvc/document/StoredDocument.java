package vn.dvc.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file as the platform knows it.
 *
 * @param fileName  the name the sender gave, sanitised (see {@link FileNames}) and with an extension
 *                  that agrees with the content
 * @param mediaType the type recognised from the content, never the one the sender claimed
 * @param sha256    the SHA-256 of the content in lower-case hex, checked on every read
 */
public record StoredDocument(UUID id, String fileName, String mediaType, long size, String sha256, Instant storedAt) {

    public FileType type() {
        return FileType.ofMediaType(mediaType).orElseThrow();
    }
}
