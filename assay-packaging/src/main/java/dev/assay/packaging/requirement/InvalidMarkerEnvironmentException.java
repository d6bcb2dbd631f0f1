package dev.assay.packaging.requirement;

import dev.assay.packaging.PackagingException;

/** Raised when the values given to build a {@link MarkerEnvironment} are unusable, such as a malformed Python version. */
public class InvalidMarkerEnvironmentException extends PackagingException {
    public InvalidMarkerEnvironmentException(String message) {
        super(message);
    }
}
