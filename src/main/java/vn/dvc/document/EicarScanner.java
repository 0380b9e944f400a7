package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default scanner: recognises only the EICAR anti-virus test file, anywhere in the content. It proves
 * that refusals work end to end; production sets {@code app.documents.clamd.host} (see
 * {@link ClamdScanner}).
 */
final class EicarScanner implements VirusScanner {

    static final String THREAT = "EICAR-Test-File";
    /**
     * The signature, kept reversed so that this source and its class file do not themselves look like
     * the test virus to the scanners on developers' machines.
     */
    static final byte[] SIGNATURE = new StringBuilder(
            "*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\\4[PA@%P!O5X").reverse().toString()
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public ScanResult scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return contains(in, SIGNATURE) ? ScanResult.infected(THREAT) : ScanResult.clean();
        } catch (IOException e) {
            return ScanResult.failed("cannot read the file: " + e.getMessage());
        }
    }

    /** Reads in blocks, keeping the tail of each so that a signature across two blocks is found. */
    static boolean contains(InputStream in, byte[] needle) throws IOException {
        byte[] window = new byte[64 * 1024 + needle.length];
        int filled = 0;
        int read;
        while ((read = in.read(window, filled, window.length - filled)) > 0) {
            filled += read;
            if (indexOf(window, filled, needle) >= 0) {
                return true;
            }
            int keep = Math.min(filled, needle.length - 1);
            System.arraycopy(window, filled - keep, window, 0, keep);
            filled = keep;
        }
        return false;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
