package vn.dvc.document;

import java.io.InputStream;

/**
 * Where the bytes of documents live, by key. Keys are made by {@link Documents}, never from anything a
 * user sent. The default keeps files on local disk ({@code app.documents.dir}); an object store could
 * take its place by providing another bean marked {@code @Primary}.
 */
public interface BlobStore {

    /**
     * Stores the stream's bytes under a new key, atomically: readers see all of them or nothing. Does not
     * close the stream.
     *
     * @throws java.io.UncheckedIOException when the bytes cannot be written, or the key is already used
     */
    void put(String key, InputStream in);

    /**
     * The stored bytes; the caller closes the stream.
     *
     * @throws java.io.UncheckedIOException with a {@link java.nio.file.NoSuchFileException} cause when
     *                                      nothing is stored under the key
     */
    InputStream get(String key);

    /** Removes the bytes; nothing happens when there are none. */
    void delete(String key);
}
