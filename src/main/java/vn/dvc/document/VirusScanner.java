package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an uploaded file before it is stored. By default only the EICAR test signature is recognised
 * (so that the refusal path can be tried anywhere); setting {@code app.documents.clamd.host} sends every
 * file to a ClamAV daemon instead. Another scanner can replace both as a bean marked {@code @Primary}.
 */
public interface VirusScanner {

    /**
     * Reads the content to its end (small uploads are held in memory, larger ones in a staging file).
     * Must not throw: a scanner that cannot decide answers {@link ScanResult#failed(String)}.
     */
    ScanResult scan(InputStream content);

    /** As {@link #scan(InputStream)}, for a file; a file that cannot be read is a failed scan. */
    default ScanResult scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in);
        } catch (IOException e) {
            return ScanResult.failed("cannot read the file: " + e.getMessage());
        }
    }
}
