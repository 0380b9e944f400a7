package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskBlobStoreTest {

    static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    LocalDiskBlobStore store() {
        return new LocalDiskBlobStore(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesUnderTwoLevelsOfDirectoriesWithoutLeavingPartialFiles() throws IOException {
        LocalDiskBlobStore store = store();
        String key = UUID.randomUUID().toString();
        store.put(key, new ByteArrayInputStream(Samples.pdf()));
        assertThat(store.path(key)).isEqualTo(dir.toAbsolutePath().resolve(key.substring(0, 2))
                .resolve(key.substring(2, 4)).resolve(key));
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.pdf());
        }
        try (Stream<Path> parts = Files.list(dir.resolve(".tmp"))) {
            assertThat(parts).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path(key).getParent())))
                .isEqualTo("rwx------");
        store.delete(key);
        assertThat(Files.exists(store.path(key))).isFalse();
        store.delete(key);
    }

    @Test
    void neverOverwritesAKey() {
        LocalDiskBlobStore store = store();
        String key = UUID.randomUUID().toString();
        store.put(key, new ByteArrayInputStream(new byte[] {1}));
        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[] {2})))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refusesKeysItDidNotMake() {
        LocalDiskBlobStore store = store();
        assertThatThrownBy(() -> store.put("../../etc/passwd", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("ab/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhenNothingIsStoredUnderAKey() {
        assertThatThrownBy(() -> store().get(UUID.randomUUID().toString()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void removesOldUnfinishedFilesWhenItStarts() throws IOException {
        Files.createDirectories(dir.resolve(".tmp"));
        Path old = Files.writeString(dir.resolve(".tmp/put-1.part"), "x");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofHours(7))));
        Path recent = Files.writeString(dir.resolve(".tmp/put-2.part"), "y");
        Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofMinutes(5))));
        store();
        assertThat(Files.exists(old)).isFalse();
        assertThat(Files.exists(recent)).isTrue();
    }
}
