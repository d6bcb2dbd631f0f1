package dev.assay.packaging.metadata;

import java.util.Objects;

/** One thing wrong with a piece of core metadata: the field (as spelled in {@code METADATA}) and what to fix. */
public record MetadataProblem(String field, String message) {
    /** Both parts are required. */
    public MetadataProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** Renders the problem as {@code Field: message}. */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
