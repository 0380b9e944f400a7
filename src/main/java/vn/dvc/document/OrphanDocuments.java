package vn.dvc.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes documents no dossier, draft or result refers to, stored longer ago than {@code app.documents.orphan-sweep.age}
 * (24 hours by default): files of abandoned drafts, uploads whose dossier never came. Batches of documents, oldest
 * first, each in a short transaction that locks them ({@code for update skip locked}), then asks every
 * {@link DocumentReferences} which are referred to, deletes the other rows and, once that commits, their bytes.
 * A transaction about to refer to an existing document first takes {@link Documents#reserve} (a share lock on its
 * row): while it holds it the sweep skips the document; if the sweep locked it first, the reservation waits and
 * then finds no document, so the reference is refused rather than left pointing at nothing. Logs counts only.
 */
@Component
class OrphanDocuments {

    private static final Logger log = LoggerFactory.getLogger(OrphanDocuments.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BlobStore blobs;
    private final List<DocumentReferences> references;
    private final Clock clock;
    private final boolean enabled;
    private final boolean files;
    private final Duration age;
    private final int batchSize;

    OrphanDocuments(JdbcClient jdbc, TransactionTemplate transaction, BlobStore blobs,
            List<DocumentReferences> references, Clock clock,
            @Value("${app.documents.orphan-sweep.enabled:true}") boolean enabled,
            @Value("${app.documents.orphan-sweep.files:true}") boolean files,
            @Value("${app.documents.orphan-sweep.age:PT24H}") Duration age,
            @Value("${app.documents.orphan-sweep.batch-size:500}") int batchSize) {
        if (age.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("app.documents.orphan-sweep: age >= 0 and batch-size >= 1");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.blobs = blobs;
        this.references = List.copyOf(references);
        this.clock = clock;
        this.enabled = enabled;
        this.files = files;
        this.age = age;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${app.documents.orphan-sweep.cron:0 45 3 * * *}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        if (enabled) {
            sweep();
        }
    }

    /** What one sweep did: documents examined and deleted, then stored bytes without a document deleted. */
    record Swept(long examined, long deleted, long unrecorded) {
    }

    /** Sweeps every document stored before now minus the age. */
    Swept sweep() {
        Timestamp before = Timestamp.from(clock.instant().minus(age));
        Cursor cursor = new Cursor(Instant.EPOCH, new UUID(Long.MIN_VALUE, Long.MIN_VALUE));
        long examined = 0;
        long deleted = 0;
        while (cursor != null) {
            Cursor from = cursor;
            Batch batch = transaction.execute(s -> batch(before, from));
            examined += batch.examined();
            deleted += batch.deleted();
            cursor = batch.next();
        }
        long unrecorded = files ? sweepUnrecorded(before.toInstant()) : 0;
        log.info("orphan document sweep: {} documents stored before {} examined, {} unreferenced deleted, {} stored "
                + "files without a document deleted", examined, before.toInstant(), deleted, unrecorded);
        return new Swept(examined, deleted, unrecorded);
    }

    /**
     * Deletes the stored bytes older than the cut-off that no document row names: their transaction never
     * committed. A row is always inserted in the transaction that stored its bytes, so after the age no row can
     * still come for them.
     */
    private long sweepUnrecorded(Instant before) {
        long deleted = 0;
        List<String> batch = new ArrayList<>(batchSize);
        try (var keys = blobs.keysStoredBefore(before)) {
            for (var it = keys.iterator(); it.hasNext();) {
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    deleted += deleteUnrecorded(batch);
                    batch.clear();
                }
            }
        }
        return deleted;
    }

    private long deleteUnrecorded(List<String> keys) {
        Set<String> recorded = new HashSet<>(jdbc.sql("select storage_key from document where storage_key = any(?)")
                .param(keys.toArray(String[]::new)).query(String.class).list());
        long deleted = 0;
        for (String key : keys) {
            if (!recorded.contains(key)) {
                deleteBlob(key);
                deleted++;
            }
        }
        return deleted;
    }

    private record Cursor(Instant storedAt, UUID id) {
    }

    private record Candidate(UUID id, String key, Instant storedAt) {
    }

    private record Batch(long examined, long deleted, Cursor next) {
    }

    private Batch batch(Timestamp before, Cursor from) {
        List<Candidate> candidates = jdbc.sql("""
                select id, storage_key, stored_at from document
                 where stored_at < ? and (stored_at, id) > (?, ?)
                 order by stored_at, id limit ? for update skip locked""")
                .params(before, Timestamp.from(from.storedAt()), from.id(), batchSize)
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
        if (candidates.isEmpty()) {
            return new Batch(0, 0, null);
        }
        List<UUID> ids = candidates.stream().map(Candidate::id).toList();
        Set<UUID> kept = new HashSet<>();
        for (DocumentReferences source : references) {
            kept.addAll(source.referenced(ids));
        }
        List<UUID> orphans = new ArrayList<>(ids);
        orphans.removeAll(kept);
        List<String> keys = orphans.isEmpty() ? List.of()
                : jdbc.sql("delete from document where id = any(?) returning storage_key")
                        .param(orphans.toArray(UUID[]::new)).query(String.class).list();
        if (!keys.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.forEach(OrphanDocuments.this::deleteBlob);
                }
            });
        }
        Candidate last = candidates.get(candidates.size() - 1);
        return new Batch(candidates.size(), keys.size(),
                candidates.size() < batchSize ? null : new Cursor(last.storedAt(), last.id()));
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (RuntimeException e) {
            // the row is gone: the bytes are unreachable; a failure here only leaves them on disk
            log.warn("orphan document sweep: could not delete stored bytes {}: {}", key, e.toString());
        }
    }
}
