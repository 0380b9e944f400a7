package vn.dvc.document;

import java.util.UUID;

/**
 * A stored file no longer matches what was stored (its SHA-256 or size differ, or it is gone): a fault
 * of the storage, to be restored from backup, never shown to anyone as if it were the document.
 */
public class CorruptedDocumentException extends RuntimeException {

    /** The message to show people, with the file name as its argument. */
    public static final String MESSAGE_KEY = "document.error.corrupted";

    private final UUID documentId;

    CorruptedDocumentException(UUID documentId, String reason) {
        super("Document " + documentId + " is corrupted: " + reason);
        this.documentId = documentId;
    }

    CorruptedDocumentException(UUID documentId, String reason, Throwable cause) {
        super("Document " + documentId + " is corrupted: " + reason, cause);
        this.documentId = documentId;
    }

    public UUID documentId() {
        return documentId;
    }
}
