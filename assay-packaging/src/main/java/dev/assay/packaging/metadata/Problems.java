package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.List;

/** The problems one validation run has found so far, in the order found. */
final class Problems {
    private final List<MetadataProblem> found = new ArrayList<>();

    void add(MetadataField field, String message) {
        found.add(new MetadataProblem(field.header(), message));
    }

    void add(String field, String message) {
        found.add(new MetadataProblem(field, message));
    }

    List<MetadataProblem> list() {
        return List.copyOf(found);
    }
}
