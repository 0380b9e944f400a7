package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    public ScanResult scan(InputStream content) {
        try {
            return contains(content, SIGNATURE) ? ScanResult.infected(THREAT) : ScanResult.clean();
        } catch (IOException e) {
            return ScanResult.failed("cannot read the file: " + e.getMessage());
        }
    }

    /** Reads in blocks, keeping the tail of each so that a signature across two blocks is found. */
    static boolean contains(InputStream in, byte[] needle) throws IOException {
        int[] shifts = shifts(needle);
        byte[] window = new byte[64 * 1024 + needle.length];
        int filled = 0;
        int read;
        while ((read = in.read(window, filled, window.length - filled)) > 0) {
            filled += read;
            if (indexOf(window, filled, needle, shifts) >= 0) {
                return true;
            }
            int keep = Math.min(filled, needle.length - 1);
            System.arraycopy(window, filled - keep, window, 0, keep);
            filled = keep;
        }
        return false;
    }

    /**
     * Horspool's search: after a mismatch the window moves by how far the byte under its last position
     * is from the needle's end, usually the whole needle (68 bytes), so a 100 KB file costs a few
     * thousand comparisons rather than one per byte.
     */
    private static int indexOf(byte[] haystack, int length, byte[] needle, int[] shifts) {
        int last = needle.length - 1;
        int i = 0;
        while (i + last < length) {
            int j = last;
            while (j >= 0 && haystack[i + j] == needle[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
            i += shifts[haystack[i + last] & 0xff];
        }
        return -1;
    }

    private static int[] shifts(byte[] needle) {
        int[] shifts = new int[256];
        Arrays.fill(shifts, needle.length);
        for (int k = 0; k < needle.length - 1; k++) {
            shifts[needle[k] & 0xff] = needle.length - 1 - k;
        }
        return shifts;
    }
}
