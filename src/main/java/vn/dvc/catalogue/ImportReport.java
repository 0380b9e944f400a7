package vn.dvc.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an import of a procedure file stands, and what it found. {@code processedRows} counts rows
 * checked while {@code phase} is CHECKING and rows written while it is APPLYING.
 */
public record ImportReport(UUID id, String fileName, String format, Status status, Phase phase, int totalRows,
        int processedRows, int created, int updated, int unchanged, List<RowError> errors, String startedBy,
        Instant startedAt, Instant finishedAt) {

    public enum Status {
        RUNNING, SUCCEEDED, FAILED
    }

    public enum Phase {
        READING, CHECKING, APPLYING, DONE
    }

    /** One thing wrong with the file; {@code row} 0 (and column empty) for the file as a whole. */
    public record RowError(int row, String column, String message) {
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
