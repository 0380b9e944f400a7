package vn.dvc.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An upload read once, counted and hashed, before it is checked and stored. Files up to
 * {@link #IN_MEMORY_BYTES} stay in memory (most attachments: a scanned page is 100–500 KB), larger ones
 * are written to a staging file as they arrive, so that a 20 MB upload never sits in the heap. At most
 * one byte more than the limit is read: that byte is enough to know the file is too large, and the rest
 * is never read whatever length the client declared. Closing removes the staging file.
 */
final class StagedUpload implements AutoCloseable {

    static final int IN_MEMORY_BYTES = 1024 * 1024;
    private static final int FIRST_BUFFER = 64 * 1024;

    private final byte[] memory;
    private final Path file;
    private final long size;
    private final String sha256;

    /** {@code memory} holds the content in its first {@code size} bytes, or {@code file} holds it. */
    private StagedUpload(byte[] memory, Path file, long size, String sha256) {
        this.memory = memory;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Reads {@code content} (not closed) up to {@code maxBytes + 1} bytes; a staging file, when needed, is
     * made in {@code stagingDirectory}.
     */
    static StagedUpload read(InputStream content, long maxBytes, Path stagingDirectory) throws IOException {
        MessageDigest digest = Documents.sha256();
        if (content == null) {
            return new StagedUpload(new byte[0], null, 0, hex(digest));
        }
        long readLimit = maxBytes + 1;
        int memoryLimit = (int) Math.min(readLimit, IN_MEMORY_BYTES);
        // A part already in memory tells its length: one buffer of that size (and a byte to see the end).
        int first = (int) Math.min(memoryLimit, Math.max(FIRST_BUFFER, (long) content.available() + 1));
        byte[] buffer = new byte[first];
        int filled = 0;
        while (true) {
            if (filled == buffer.length) {
                if (buffer.length == memoryLimit) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(memoryLimit, 2L * buffer.length));
            }
            int read = content.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                digest.update(buffer, 0, filled);
                return new StagedUpload(buffer, null, filled, hex(digest));
            }
            filled += read;
        }
        digest.update(buffer, 0, filled);
        if (filled >= readLimit) {
            // Over the limit within memory: known to be too large, nothing more is read or kept.
            return new StagedUpload(null, null, filled, hex(digest));
        }
        return spill(content, buffer, readLimit, digest, stagingDirectory);
    }

    /** Writes what was read so far and the rest of the stream (to the limit) to a staging file. */
    private static StagedUpload spill(InputStream content, byte[] head, long readLimit, MessageDigest digest,
            Path stagingDirectory) throws IOException {
        Path file = Files.createTempFile(stagingDirectory, "upload-", ".part");
        long size = head.length;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            byte[] chunk = new byte[FIRST_BUFFER];
            int read;
            while (size < readLimit
                    && (read = content.read(chunk, 0, (int) Math.min(chunk.length, readLimit - size))) >= 0) {
                out.write(chunk, 0, read);
                digest.update(chunk, 0, read);
                size += read;
            }
        } catch (IOException | RuntimeException e) {
            LocalDiskBlobStore.deleteQuietly(file);
            throw e;
        }
        return new StagedUpload(null, file, size, hex(digest));
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    /** The bytes read (of an upload within the limit: a larger one keeps nothing). */
    InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(memory, 0, (int) size) : Files.newInputStream(file);
    }

    Optional<FileType> detectType() {
        return file == null ? ContentInspection.detect(memory, (int) size) : ContentInspection.detect(file);
    }

    boolean inMemory() {
        return file == null;
    }

    @Override
    public void close() {
        LocalDiskBlobStore.deleteQuietly(file);
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
