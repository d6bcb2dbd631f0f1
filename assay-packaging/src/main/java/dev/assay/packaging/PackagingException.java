package dev.assay.packaging;

/** Base of every error raised for malformed or unsafe Python-packaging input; the message says what to fix. */
public class PackagingException extends RuntimeException {
    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
