package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvc.IntegrationTest;
import vn.dvc.shared.NotFoundException;

/**
 * The orphan sweep deletes old documents nothing refers to, rows and bytes, and nothing else: not recent ones,
 * not those of a dossier or a result, and not one a transaction has reserved to refer to.
 */
@IntegrationTest
class OrphanDocumentsTest {

    @Autowired
    Documents documents;
    @Autowired
    OrphanDocuments sweep;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    List<DocumentReferences> references;
    @Autowired
    Clock clock;

    /** A stored PDF, its storage time set {@code hours} back. */
    private UUID document(int hours) {
        UUID id = documents.store("file", "giay-to.pdf", new ByteArrayInputStream(Samples.pdf()), UploadRules.defaults())
                .id();
        jdbc.sql("update document set stored_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofHours(hours))), id).update();
        return id;
    }

    private String key(UUID id) {
        return jdbc.sql("select storage_key from document where id = ?").param(id).query(String.class).single();
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from document where id = ?").param(id).query(Long.class).single() == 1;
    }

    /** A dossier (written straight into its table) that refers to the document. */
    private void attachToADossier(UUID document) {
        String code = "000.00.30.H21-99" + String.format("%04d", (int) (System.nanoTime() % 10000)) + "-"
                + String.format("%04d", (int) (Math.abs(document.getLeastSignificantBits()) % 10000));
        long dossier = jdbc.sql("""
                insert into dossier(code, procedure_version_id, procedure_code, procedure_name, agency_code,
                                    applicant_id, channel, status, form, submitted_at)
                values (?, (select min(id) from procedure_version), '1.000001', 'Thủ tục (kiểm thử)', '000.00.30.H21',
                        (select min(id) from account), 'ONLINE', 1, '{}'::jsonb, now()) returning id""")
                .param(code).query(Long.class).single();
        jdbc.sql("""
                insert into dossier_document(dossier_id, document_id, component_index, component_name, kind, added_at)
                values (?, ?, 0, 'Tờ khai', 'ATTACHMENT', now())""").params(dossier, document).update();
    }

    @Test
    void oldUnreferencedDocumentsGoWithTheirBytesAndNothingElseDoes() {
        UUID orphan = document(30);
        String orphanKey = key(orphan);
        UUID recent = document(2);
        UUID ofADossier = document(30);
        attachToADossier(ofADossier);

        OrphanDocuments.Swept swept = sweep.sweep();

        assertThat(swept.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(exists(orphan)).isFalse();
        assertThatThrownBy(() -> documents.describe(orphan)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> blobs.get(orphanKey).close()).as("its bytes are gone too").isInstanceOf(Exception.class);
        assertThat(exists(recent)).as("younger than the age").isTrue();
        assertThat(exists(ofADossier)).isTrue();
        documents.verify(ofADossier);
    }

    @Test
    void smallBatchesSweepEverythingOldWhateverIsReferencedBetween() {
        List<UUID> orphans = List.of(document(50), document(49), document(48), document(47), document(46));
        UUID kept = document(48);
        attachToADossier(kept);
        var small = new OrphanDocuments(jdbc, transaction, blobs, references, clock, true, true, Duration.ofHours(24),
                2);

        OrphanDocuments.Swept swept = small.sweep();

        assertThat(swept.examined()).isGreaterThanOrEqualTo(6);
        assertThat(orphans).noneMatch(this::exists);
        assertThat(exists(kept)).isTrue();
    }

    @Test
    void aDocumentReservedByATransactionAboutToReferToItIsNeverSwept() throws Exception {
        UUID document = document(30);
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch swept = new CountDownLatch(1);
        // A submission in progress: it has checked the document (reserve) and will write the reference later.
        CompletableFuture<Boolean> submission = CompletableFuture.supplyAsync(() -> transaction.execute(s -> {
            boolean found = documents.reserve(document).isPresent();
            reserved.countDown();
            try {
                assertThat(swept.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            attachToADossier(document);
            return found;
        }));
        assertThat(reserved.await(30, TimeUnit.SECONDS)).isTrue();

        sweep.sweep();
        assertThat(exists(document)).as("reserved: skipped").isTrue();
        swept.countDown();
        assertThat(submission.get(30, TimeUnit.SECONDS)).isTrue();

        sweep.sweep();
        assertThat(exists(document)).as("now referred to").isTrue();
        documents.verify(document);
    }

    @Test
    void aSweptDocumentCannotBeReservedAndAReservationNeedsATransaction() {
        UUID document = document(30);
        sweep.sweep();
        assertThat(exists(document)).isFalse();
        Boolean reserved = transaction.execute(s -> documents.reserve(document).isPresent());
        assertThat(reserved).isFalse();
        UUID other = document(1);
        assertThatThrownBy(() -> documents.reserve(other)).isInstanceOf(IllegalTransactionStateException.class);
    }

    /** Bytes stored under a new key with no document row (a crash before the commit), dated {@code hours} back. */
    private String unrecordedBytes(int hours) throws Exception {
        String key = UUID.randomUUID().toString();
        String stored = blobs.put(key, new ByteArrayInputStream(Samples.pdf()));
        java.nio.file.Files.setLastModifiedTime(((LocalDiskBlobStore) blobs).path(stored),
                java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofHours(hours))));
        return stored;
    }

    private boolean readable(String key) {
        try (var in = blobs.get(key)) {
            return in.readAllBytes().length > 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void oldStoredBytesWithoutADocumentGoAndNoOtherBytesDo() throws Exception {
        String crashed = unrecordedBytes(30);
        String writing = unrecordedBytes(2);
        UUID ofADossier = document(30);
        attachToADossier(ofADossier);
        java.nio.file.Files.setLastModifiedTime(((LocalDiskBlobStore) blobs).path(key(ofADossier)),
                java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofHours(30))));
        var small = new OrphanDocuments(jdbc, transaction, blobs, references, clock, true, true, Duration.ofHours(24),
                1);

        OrphanDocuments.Swept swept = small.sweep();

        assertThat(swept.unrecorded()).isGreaterThanOrEqualTo(1);
        assertThat(readable(crashed)).as("older than the age, no row: a crash's leftover").isFalse();
        assertThat(readable(writing)).as("younger than the age: its transaction may still commit").isTrue();
        documents.verify(ofADossier);

        String another = unrecordedBytes(30);
        var documentsOnly = new OrphanDocuments(jdbc, transaction, blobs, references, clock, true, false,
                Duration.ofHours(24), 500);
        assertThat(documentsOnly.sweep().unrecorded()).isZero();
        assertThat(readable(another)).as("app.documents.orphan-sweep.files=false").isTrue();
    }
}
