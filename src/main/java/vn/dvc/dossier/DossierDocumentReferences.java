package vn.dvc.dossier;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.document.DocumentReferences;

/**
 * The documents of dossiers (attachments, supplements, results) and of drafts, for the orphan sweep: one
 * statement, so a document moving from a draft to its dossier in a commit is seen on one side or the other.
 */
@Component
class DossierDocumentReferences implements DocumentReferences {

    private final JdbcClient jdbc;

    DossierDocumentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> referenced(Collection<UUID> documentIds) {
        UUID[] ids = documentIds.toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql("""
                select document_id from dossier_document where document_id = any(?)
                union
                select document_id from dossier_draft_document where document_id = any(?)""")
                .params(ids, ids).query(UUID.class).list());
    }
}
