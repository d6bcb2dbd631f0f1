package dev.assay.packaging.metadata;

import java.util.List;

/**
 * The outcome of validating core metadata: {@code errors} are what PyPI refuses, {@code warnings} are advice
 * (rules PyPI does not enforce, or enforces only for files uploaded today) that never refuses an upload.
 */
public record MetadataCheck(List<MetadataProblem> errors, List<MetadataProblem> warnings) {
    /** Copies both lists. */
    public MetadataCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether there are no errors (warnings allowed). */
    public boolean valid() {
        return errors.isEmpty();
    }
}
