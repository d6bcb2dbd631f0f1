package dev.assay.packaging.requirement;

import dev.assay.packaging.PackagingException;

/** Raised when a dependency specifier does not follow the PEP 508 requirement grammar. */
public class InvalidRequirementException extends PackagingException {
    public InvalidRequirementException(String message) {
        super(message);
    }

    public InvalidRequirementException(String message, Throwable cause) {
        super(message, cause);
    }
}
