package vn.dvc.document;

import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the bytes of documents live, by key. Keys are made by {@link Documents}, never from anything a
 * user sent. The default keeps files on local disk ({@code app.documents.dir}); an object store could
 * take its place by providing another bean marked {@code @Primary}.
 */
public interface BlobStore {

    /**
     * Stores the stream's bytes under a new key, atomically and durably: readers see all of them or nothing,
     * and once it returns they survive a crash. Does not close the stream.
     *
     * @return the storage key to read and delete them by: the key itself, or a location that the store
     *         derives from it (a segment store's position)
     * @throws java.io.UncheckedIOException when the bytes cannot be written, or the key is already used
     */
    String put(String key, InputStream in);

    /**
     * The stored bytes, by the storage key {@link #put} answered; the caller closes the stream.
     *
     * @throws java.io.UncheckedIOException with a {@link java.nio.file.NoSuchFileException} cause when
     *                                      nothing is stored under the key
     */
    InputStream get(String key);

    /** Removes the bytes (by the storage key {@link #put} answered); nothing happens when there are none. */
    void delete(String key);

    /**
     * The keys of bytes stored before the given time, for the sweep of bytes that no document row refers to (a
     * crash between storing them and committing their row leaves such bytes). A store that cannot tell answers
     * none; the caller closes the stream.
     */
    default Stream<String> keysStoredBefore(Instant before) {
        return Stream.empty();
    }
}
