package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.List;

/** The problems (refusals) and warnings (advice) one validation run has found so far, in the order found. */
final class Problems {
    private final List<MetadataProblem> found = new ArrayList<>();
    private final List<MetadataProblem> warnings = new ArrayList<>();

    void add(MetadataField field, String message) {
        found.add(new MetadataProblem(field.header(), message));
    }

    void add(String field, String message) {
        found.add(new MetadataProblem(field, message));
    }

    /** Advice that PyPI does not enforce: the metadata is still accepted. */
    void warn(MetadataField field, String message) {
        warn(field.header(), message);
    }

    void warn(String field, String message) {
        warnings.add(new MetadataProblem(field, message));
    }

    List<MetadataProblem> list() {
        return List.copyOf(found);
    }

    List<MetadataProblem> warnings() {
        return List.copyOf(warnings);
    }
}
