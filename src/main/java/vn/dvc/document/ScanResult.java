package vn.dvc.document;

/**
 * What a virus scanner found.
 *
 * @param threat the name of what was found (for {@code INFECTED}) or why the scan failed (for
 *               {@code FAILED}); null when clean
 */
public record ScanResult(Outcome outcome, String threat) {

    public enum Outcome {
        CLEAN,
        INFECTED,
        /** The scanner could not tell (unreachable, timed out, refused the size): the file is refused. */
        FAILED
    }

    public static ScanResult clean() {
        return new ScanResult(Outcome.CLEAN, null);
    }

    public static ScanResult infected(String threat) {
        return new ScanResult(Outcome.INFECTED, threat);
    }

    public static ScanResult failed(String reason) {
        return new ScanResult(Outcome.FAILED, reason);
    }
}
