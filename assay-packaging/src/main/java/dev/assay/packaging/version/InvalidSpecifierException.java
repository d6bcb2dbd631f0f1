package dev.assay.packaging.version;

import dev.assay.packaging.PackagingException;

/** Raised when a string is not a valid PEP 440 version specifier; the message names the input and the fix. */
public class InvalidSpecifierException extends PackagingException {
    public InvalidSpecifierException(String message) {
        super(message);
    }

    public InvalidSpecifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
