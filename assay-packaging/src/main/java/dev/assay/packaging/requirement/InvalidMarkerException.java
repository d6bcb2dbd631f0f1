package dev.assay.packaging.requirement;

import dev.assay.packaging.PackagingException;

/** Raised when an environment marker does not follow the PEP 508 marker grammar. */
public class InvalidMarkerException extends PackagingException {
    public InvalidMarkerException(String message) {
        super(message);
    }
}
