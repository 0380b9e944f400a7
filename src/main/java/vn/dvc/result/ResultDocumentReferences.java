package vn.dvc.result;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.document.DocumentReferences;

/** The signed PDFs of electronic results, for the orphan sweep. */
@Component
class ResultDocumentReferences implements DocumentReferences {

    private final JdbcClient jdbc;

    ResultDocumentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> referenced(Collection<UUID> documentIds) {
        return new HashSet<>(jdbc.sql("select document_id from electronic_result where document_id = any(?)")
                .param(documentIds.toArray(UUID[]::new)).query(UUID.class).list());
    }
}
