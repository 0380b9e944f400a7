package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;

/** {@link Documents} on the segment store: the row records the position, reads are verified end to end. */
@IntegrationTest
class SegmentDocumentsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @TempDir
    Path dir;

    @Test
    void aDocumentIsStoredInASegmentAndReadBackVerified() throws Exception {
        SegmentBlobStore store = new SegmentBlobStore(dir, 1 << 30, new LocalDiskBlobStore(dir, clock));
        Documents documents = new Documents(jdbc, store, new EicarScanner(), clock, dir.resolve(".staging"));
        StoredDocument stored = documents.store("attachment", "giấy tờ.pdf", new ByteArrayInputStream(Samples.pdf()),
                UploadRules.defaults());
        String key = jdbc.sql("select storage_key from document where id = ?").param(stored.id())
                .query(String.class).single();
        assertThat(key).isEqualTo("seg/00000001/000000000000/" + Samples.pdf().length + "/" + stored.id());
        try (InputStream in = documents.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.pdf());
        }
        documents.verify(stored.id());

        try (FileChannel channel = FileChannel.open(dir.resolve("segments/00000001.seg"), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), SegmentBlobStore.HEADER + 20);
        }
        assertThatThrownBy(() -> documents.open(stored.id())).isInstanceOf(CorruptedDocumentException.class);
        documents.delete(stored.id());
    }
}
