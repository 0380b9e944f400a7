package vn.dvc.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.ImportReport.Phase;
import vn.dvc.catalogue.ImportReport.RowError;
import vn.dvc.catalogue.ImportReport.Status;
import vn.dvc.identity.AgencyScope;

/** The import jobs of table catalogue_import: their progress and reports. */
@Repository
class ImportJobs {

    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;

    ImportJobs(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        // Progress must be visible while the import's own transaction is still open, so it commits alone.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    UUID start(String fileName, FileFormat format, String actor, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into catalogue_import(id, file_name, format, status, phase, started_by, started_at)
                values (?, ?, ?, 'RUNNING', 'READING', ?, ?)
                """).params(id, fileName, format.name(), actor, Timestamp.from(now)).update();
        return id;
    }

    /** Records progress in a transaction of its own, whatever transaction the caller is in. */
    void progress(UUID id, Phase phase, int totalRows, int processedRows) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                update catalogue_import set phase = ?, total_rows = ?, processed_rows = ? where id = ?
                """).params(phase.name(), totalRows, processedRows, id).update());
    }

    void fail(UUID id, List<RowError> errors, Instant now) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                update catalogue_import set status = 'FAILED', phase = 'DONE', errors = cast(? as jsonb), finished_at = ?
                 where id = ?
                """).params(json.writeValueAsString(errors), Timestamp.from(now), id).update());
    }

    /** Marks success in the caller's transaction: the report commits together with the procedures it counts. */
    void succeed(UUID id, int processedRows, int created, int updated, int unchanged, Instant now) {
        jdbc.sql("""
                update catalogue_import set status = 'SUCCEEDED', phase = 'DONE', processed_rows = ?, created_count = ?,
                       updated_count = ?, unchanged_count = ?, finished_at = ?
                 where id = ?
                """).params(processedRows, created, updated, unchanged, Timestamp.from(now), id).update();
    }

    /** Fails every job still marked running: after a restart, no thread is working on them any more. */
    int failRunning(List<RowError> errors, Instant now) {
        return jdbc.sql("""
                update catalogue_import set status = 'FAILED', phase = 'DONE', errors = cast(? as jsonb), finished_at = ?
                 where status = 'RUNNING'
                """).params(json.writeValueAsString(errors), Timestamp.from(now)).update();
    }

    /** A job the caller may see: their own, or any with the province scope; others look unknown. */
    Optional<ImportReport> find(UUID id, AgencyScope scope, String actor) {
        return jdbc.sql("select * from catalogue_import where id = ? and (? or started_by = ?)")
                .params(id, scope.all(), actor).query(this::map).optional();
    }

    private ImportReport map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportReport(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("format"),
                Status.valueOf(rs.getString("status")), Phase.valueOf(rs.getString("phase")), rs.getInt("total_rows"),
                rs.getInt("processed_rows"), rs.getInt("created_count"), rs.getInt("updated_count"),
                rs.getInt("unchanged_count"), json.readValue(rs.getString("errors"), ERRORS),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
