package dev.assay.packaging.name;

import dev.assay.packaging.PackagingException;

/** Raised when a string is not a valid Python project name under the core-metadata "Name" rule. */
public class InvalidProjectNameException extends PackagingException {
    public InvalidProjectNameException(String message) {
        super(message);
    }
}
