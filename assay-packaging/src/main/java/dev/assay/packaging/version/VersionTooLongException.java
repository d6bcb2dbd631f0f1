package dev.assay.packaging.version;

/** Raised when a version (or one of its numbers) is longer than {@link Version#MAX_LENGTH} or a long allows. */
public class VersionTooLongException extends InvalidVersionException {
    public VersionTooLongException(String message) {
        super(message);
    }
}
