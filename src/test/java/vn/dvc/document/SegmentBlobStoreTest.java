package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment store with group commit: what a caller was acknowledged is readable after the store is opened
 * again (as after a restart or crash), a torn record at the end is cut off, damaged bytes are refused by their
 * checksum, and documents stored as files before are still read.
 */
class SegmentBlobStoreTest {

    @TempDir
    Path dir;

    SegmentBlobStore open(long segmentSize) {
        return new SegmentBlobStore(dir, segmentSize,
                new LocalDiskBlobStore(dir, Clock.fixed(LocalDiskBlobStoreTest.NOW, ZoneOffset.UTC)));
    }

    static byte[] bytes(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(BlobStore store, String location) throws IOException {
        try (InputStream in = store.get(location)) {
            return in.readAllBytes();
        }
    }

    @Test
    void whatWasStoredIsReadBackByPositionAfterReopening() throws IOException {
        SegmentBlobStore store = open(1 << 30);
        String key = UUID.randomUUID().toString();
        byte[] pdf = Samples.pdf();
        String location = store.put(key, new ByteArrayInputStream(pdf));
        assertThat(location).isEqualTo("seg/00000001/000000000000/" + pdf.length + "/" + key);
        String second = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(1, 100 * 1024)));
        assertThat(second).startsWith("seg/00000001/%012d/102400/".formatted(SegmentBlobStore.HEADER + pdf.length));
        assertThat(read(store, location)).isEqualTo(pdf);
        assertThat(Files.size(dir.resolve("segments/00000001.seg")))
                .isEqualTo(2L * SegmentBlobStore.HEADER + pdf.length + 100 * 1024);

        SegmentBlobStore reopened = open(1 << 30);
        assertThat(read(reopened, location)).isEqualTo(pdf);
        assertThat(read(reopened, second)).isEqualTo(bytes(1, 100 * 1024));
        String third = reopened.put(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[] {7}));
        assertThat(third).startsWith("seg/00000001/%012d/1/".formatted(
                2L * SegmentBlobStore.HEADER + pdf.length + 100 * 1024));
    }

    @Test
    void aTornRecordAtTheEndIsCutOffWhenReopening() throws IOException {
        SegmentBlobStore store = open(1 << 30);
        String kept = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(2, 5000)));
        Path segment = dir.resolve("segments/00000001.seg");
        long whole = Files.size(segment);
        // a record whose writing stopped half-way: a whole header, a tenth of its bytes
        String torn = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(3, 5000)));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(whole + SegmentBlobStore.HEADER + 500);
        }
        SegmentBlobStore reopened = open(1 << 30);
        assertThat(Files.size(segment)).isEqualTo(whole);
        assertThat(read(reopened, kept)).isEqualTo(bytes(2, 5000));
        assertThatThrownBy(() -> reopened.get(torn)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
        String next = reopened.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(4, 10)));
        assertThat(next).startsWith("seg/00000001/%012d/".formatted(whole));
        assertThat(read(open(1 << 30), next)).isEqualTo(bytes(4, 10));
    }

    @Test
    void damagedBytesAreRefusedByTheirChecksum() throws IOException {
        SegmentBlobStore store = open(1 << 30);
        String location = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(5, 2000)));
        Path segment = dir.resolve("segments/00000001.seg");
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, SegmentBlobStore.HEADER + 1000);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x01)}), SegmentBlobStore.HEADER + 1000);
        }
        assertThatThrownBy(() -> open(1 << 30).get(location)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SegmentBlobStore.CorruptBlobException.class)
                .hasMessageContaining(location);
        // a location naming another key at that position is refused too
        String other = location.substring(0, location.lastIndexOf('/') + 1) + UUID.randomUUID();
        assertThatThrownBy(() -> store.get(other)).hasCauseInstanceOf(SegmentBlobStore.CorruptBlobException.class);
    }

    @Test
    void concurrentWritersShareFlushesAndEveryRecordIsReadableAfterReopening() throws Exception {
        SegmentBlobStore store = open(300 * 1024); // a few records a segment: rolls over to new segments
        Map<String, byte[]> stored = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        byte[] data = bytes(thread * 100L + i, 1 + (thread * 7919 + i * 104729) % 120_000);
                        stored.put(store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(data)), data);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored).hasSize(120);
        assertThat(store.flushes()).isBetween(1L, 120L);
        try (Stream<Path> segments = Files.list(dir.resolve("segments"))) {
            assertThat(segments.count()).isGreaterThan(1);
        }
        SegmentBlobStore reopened = open(300 * 1024);
        for (Map.Entry<String, byte[]> e : stored.entrySet()) {
            assertThat(read(reopened, e.getKey())).isEqualTo(e.getValue());
        }
    }

    @Test
    void aDeletedRecordIsNoLongerReadAndOlderFilesAreStillServed() throws IOException {
        SegmentBlobStore store = open(1 << 30);
        String location = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(6, 300)));
        String kept = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(bytes(7, 300)));
        store.delete(location);
        store.delete(location);
        store.delete("seg/00000009/000000000000/1/" + UUID.randomUUID());
        assertThatThrownBy(() -> store.get(location)).hasCauseInstanceOf(NoSuchFileException.class);
        SegmentBlobStore reopened = open(1 << 30);
        assertThatThrownBy(() -> reopened.get(location)).hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(read(reopened, kept)).isEqualTo(bytes(7, 300));

        LocalDiskBlobStore files = new LocalDiskBlobStore(dir, Clock.fixed(LocalDiskBlobStoreTest.NOW, ZoneOffset.UTC));
        String old = UUID.randomUUID().toString();
        assertThat(files.put(old, new ByteArrayInputStream(bytes(8, 40)))).isEqualTo(old);
        assertThat(read(reopened, old)).isEqualTo(bytes(8, 40));
        reopened.delete(old);
        assertThat(Files.exists(files.path(old))).isFalse();
        assertThatThrownBy(() -> reopened.put("../x", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
