package dev.assay.packaging.requirement;

import dev.assay.packaging.PackagingException;

/** Raised when a marker compares values with an operator the specification leaves undefined, such as {@code "dog" ~= "fred"}. */
public class UndefinedComparisonException extends PackagingException {
    public UndefinedComparisonException(String message) {
        super(message);
    }
}
