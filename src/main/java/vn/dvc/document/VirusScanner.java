package vn.dvc.document;

import java.nio.file.Path;

/**
 * Checks an uploaded file before it is stored. By default only the EICAR test signature is recognised
 * (so that the refusal path can be tried anywhere); setting {@code app.documents.clamd.host} sends every
 * file to a ClamAV daemon instead. Another scanner can replace both as a bean marked {@code @Primary}.
 */
public interface VirusScanner {

    /** Must not throw: a scanner that cannot decide answers {@link ScanResult#failed(String)}. */
    ScanResult scan(Path file);
}
