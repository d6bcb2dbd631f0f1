package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata of an upload form ({@code POST /legacy/}, fields named as twine sends them: {@code metadata_version},
 * {@code requires_dist}, {@code project_urls}, …) and its comparison with the metadata inside the uploaded file.
 */
public final class MetadataForm {
    private static final String SOURCE = "the upload form";

    private MetadataForm() {
    }

    /**
     * Builds the metadata the form describes. Fields that are not metadata ({@code :action}, {@code content},
     * digests, …) are ignored; blank values count as absent.
     *
     * @throws InvalidMetadataException if a required field is missing, a single-use field is given twice, or two
     *     project URLs share a label
     */
    public static CoreMetadata toMetadata(Map<String, List<String>> form) {
        Objects.requireNonNull(form, "form");
        FieldCollector fields = new FieldCollector(SOURCE);
        form.forEach((name, values) -> {
            if (name != null && values != null) {
                MetadataField.fromFormName(name).ifPresent(field -> addAll(fields, field, values));
            }
        });
        return fields.toCoreMetadata();
    }

    private static void addAll(FieldCollector fields, MetadataField field, List<String> values) {
        List<String> given = values.stream().filter(Objects::nonNull).filter(value -> !value.isBlank()).toList();
        if (field == MetadataField.KEYWORDS && given.size() > 1) {
            fields.add(field, String.join(",", given));
            return;
        }
        for (String value : given) {
            fields.add(field, field == MetadataField.DESCRIPTION ? value : value.strip());
        }
    }

    /**
     * The ways the form's metadata disagrees with the file's, one line each, empty when they agree. Compared:
     * Name (normalised), Version (PEP 440 equality), Summary, Description-Content-Type, Requires-Python,
     * Requires-Dist, Provides-Extra and License-Expression — what the index serves or records from the form.
     */
    public static List<String> disagreements(CoreMetadata form, CoreMetadata file) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(file, "file");
        List<String> found = new ArrayList<>();
        for (FieldComparison comparison : FieldComparison.values()) {
            found.addAll(comparison.disagreements(form, file));
        }
        return List.copyOf(found);
    }
}
