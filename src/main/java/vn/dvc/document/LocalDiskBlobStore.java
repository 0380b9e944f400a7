package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files on local disk under {@code app.documents.dir}: {@code ab/cd/<key>} where ab and cd are the
 * key's first characters, so that no directory grows too large. Each file is written to {@code .tmp/},
 * flushed to disk and then renamed into place, so a crash never leaves half a document under its key.
 * Directories are readable by the application's user only.
 */
final class LocalDiskBlobStore implements BlobStore {

    /** Keys are made by this module (UUIDs); anything else, such as "../x", is refused outright. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Older unfinished files are leftovers of a crash (no write takes this long). */
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private final Path root;
    private final Path temporary;

    LocalDiskBlobStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve(".tmp");
        createPrivateDirectories(temporary);
        removeLeftovers(temporary, clock.instant().minus(LEFTOVER_AGE));
    }

    @Override
    public String put(String key, InputStream in) {
        Path target = path(key);
        Path part = null;
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(key);
            }
            createPrivateDirectories(target.getParent());
            part = Files.createTempFile(temporary, "put-", ".part"); // owner-only permissions on POSIX
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                in.transferTo(out);
                channel.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store blob " + key, e);
        } finally {
            deleteQuietly(part);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return Files.newInputStream(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blob " + key, e);
        }
    }

    /** Every file under a key's name ({@code ab/cd/<key>}) last changed before the given time. */
    @Override
    public Stream<String> keysStoredBefore(Instant before) {
        try {
            return Files.find(root, 3, (file, attributes) -> attributes.isRegularFile()
                    && attributes.lastModifiedTime().toInstant().isBefore(before)
                    && KEY.matcher(file.getFileName().toString()).matches()
                    && root.relativize(file).getNameCount() == 3)
                    .map(file -> file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    /** Where a key's bytes are (for tests and operators). */
    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    Path root() {
        return root;
    }

    static void createPrivateDirectories(Path directory) {
        try {
            if (POSIX) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** Makes the rename durable; not every system can open a directory for this, which is fine. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    /** Deletes the files of a work directory last changed before the given time. */
    static void removeLeftovers(Path directory, Instant before) {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> {
                try {
                    return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(LocalDiskBlobStore::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover is harmless, and removed at the next start (removeLeftovers)
            }
        }
    }
}
