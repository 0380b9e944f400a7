package vn.dvc.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Passes a stored file through while computing its SHA-256; at the end (or as soon as there are more
 * bytes than stored) a difference throws {@link CorruptedDocumentException} instead of ending normally,
 * so a damaged file is never read to the end as if it were whole.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final UUID id;
    private final long expectedSize;
    private final String expectedSha256;
    private final MessageDigest digest = Documents.sha256();
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, UUID id, long expectedSize, String expectedSha256) {
        super(in);
        this.id = id;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read < 0) {
            atEnd();
        } else {
            digest.update(buffer, offset, read);
            counted(read);
        }
        return read;
    }

    /** Skipped bytes are read all the same: the digest must see every byte. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: a reset would feed the digest twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(int read) {
        count += read;
        if (count > expectedSize) {
            throw new CorruptedDocumentException(id, "longer than the " + expectedSize + " bytes stored");
        }
    }

    private void atEnd() {
        if (verified) {
            return;
        }
        if (count != expectedSize) {
            throw new CorruptedDocumentException(id, count + " bytes instead of the " + expectedSize + " stored");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            throw new CorruptedDocumentException(id, "SHA-256 " + actual + " instead of " + expectedSha256);
        }
        verified = true;
    }
}
