package dev.assay.packaging.tags;

import dev.assay.packaging.PackagingException;

/** Raised when the interpreter whose tags are asked for is unusable, such as a Python version that is not X.Y. */
public class InvalidTargetException extends PackagingException {
    public InvalidTargetException(String message) {
        super(message);
    }
}
