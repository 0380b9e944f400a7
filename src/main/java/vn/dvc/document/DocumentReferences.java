package vn.dvc.document;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by each module that keeps document ids (dossiers and drafts, electronic results): says which of
 * some documents it refers to. The orphan sweep deletes only documents that no implementation claims; it asks
 * after locking them, so an answer read in one statement is enough.
 */
public interface DocumentReferences {

    /** Those of {@code documentIds} this module refers to (committed references). */
    Set<UUID> referenced(Collection<UUID> documentIds);
}
