package dev.assay.packaging.metadata;

import dev.assay.packaging.PackagingException;

/** Raised for a {@code License-Expression} that is not a syntactically valid SPDX license expression. */
public class InvalidLicenseExpressionException extends PackagingException {
    public InvalidLicenseExpressionException(String message) {
        super(message);
    }
}
