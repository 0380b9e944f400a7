package vn.dvc.planning;

import java.time.Instant;

/** A plan document as imported: its content as written, and who imported which file when. */
public record PlanDocument(long id, PlanDocumentContent content, String fileName, String importedBy,
        Instant importedAt) {

    public String reference() {
        return content.reference();
    }
}
