package vn.dvc.dossier;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.DossierComponent;
import vn.dvc.document.Documents;
import vn.dvc.document.FileType;
import vn.dvc.document.StoredDocument;
import vn.dvc.document.UploadRules;
import vn.dvc.shared.NotFoundException;

/** The dossier module's use of the document store: which rules apply to a component's files. */
@Component
class DossierFiles {

    private final Documents documents;

    DossierFiles(Documents documents) {
        this.documents = documents;
    }

    /**
     * The upload rules of a component: its own file types and largest size where the catalogue gives
     * them, else the platform's defaults (PDF, images, office files; 10 MB).
     */
    static UploadRules rules(DossierComponent component) {
        UploadRules defaults = UploadRules.defaults();
        long maxBytes = component.maxMegabytes() == null ? defaults.maxBytes()
                : component.maxMegabytes() * UploadRules.MEGABYTE;
        if (component.fileTypes().isEmpty()) {
            return defaults.withMaxBytes(maxBytes);
        }
        return UploadRules.of(maxBytes, component.fileTypes().stream().map(FileType::valueOf).toArray(FileType[]::new));
    }

    java.util.UUID store(String field, String fileName, java.io.InputStream content, UploadRules rules) {
        return storeDocument(field, fileName, content, rules).id();
    }

    StoredDocument storeDocument(String field, String fileName, java.io.InputStream content, UploadRules rules) {
        return documents.store(field, fileName, content, rules);
    }

    /** The SHA-256 of a stored document's content, or empty when no document has this id. */
    java.util.Optional<String> sha256(UUID id) {
        try {
            return java.util.Optional.of(documents.describe(id).sha256());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The document's SHA-256 if it exists (empty otherwise), the document held until the caller's transaction
     * ends so that the orphan sweep does not delete it before the reference being written commits
     * ({@link Documents#reserve}).
     */
    java.util.Optional<String> reserve(UUID id) {
        return documents.reserve(id);
    }

    StoredDocument describe(UUID id) {
        return documents.describe(id);
    }
}
