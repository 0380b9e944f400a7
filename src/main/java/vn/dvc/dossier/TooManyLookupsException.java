package vn.dvc.dossier;

/** A client looked up too many dossiers in the last minute. */
class TooManyLookupsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyLookupsException(long retryAfterSeconds) {
        super("too many lookups");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
