package dev.assay.packaging.version;

import dev.assay.packaging.PackagingException;

/** Raised when a string is not a valid PEP 440 version; the message names the input and the problem. */
public class InvalidVersionException extends PackagingException {
    public InvalidVersionException(String message) {
        super(message);
    }
}
