package vn.dvc.shared;

/**
 * The stable machine code ({@code code}, and {@code type urn:dvc:problem:<code>}) of a problem answer that
 * has nothing more precise to say than its HTTP status.
 */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            default -> status >= 400 && status < 500 ? "invalid-input" : "error";
        };
    }
}
