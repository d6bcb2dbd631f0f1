package dev.assay.packaging.metadata;

import dev.assay.packaging.PackagingException;

/** Raised for a {@code License-Expression} that is not a syntactically valid SPDX license expression. */
public class InvalidLicenseExpressionException extends PackagingException {
    /** An exception whose message names the expression and what is wrong with it. */
    public InvalidLicenseExpressionException(String message) {
        super(message);
    }
}
