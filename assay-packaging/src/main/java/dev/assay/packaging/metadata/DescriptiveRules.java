package dev.assay.packaging.metadata;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Checks Summary, Description-Content-Type (setuptools' placeholder UNKNOWN is only a warning) and Dynamic. */
final class DescriptiveRules {
    static final int MAX_SUMMARY_LENGTH = 512;
    private static final String UNKNOWN = "UNKNOWN";
    private static final Set<MetadataField> NEVER_DYNAMIC =
            EnumSet.of(MetadataField.METADATA_VERSION, MetadataField.NAME, MetadataField.VERSION);

    private DescriptiveRules() {
    }

    static void check(CoreMetadata metadata, Problems problems) {
        metadata.summary().ifPresent(summary -> checkSummary(summary, problems));
        metadata.descriptionContentType().ifPresent(type -> checkContentType(type, problems));
        metadata.dynamic().forEach(name -> checkDynamic(name, problems));
    }

    private static void checkContentType(String type, Problems problems) {
        Optional<String> problem = DescriptionContentType.problemWith(type);
        if (problem.isEmpty()) {
            return;
        }
        if (type.equals(UNKNOWN)) {
            // old setuptools wrote its placeholder for "not given", and PyPI accepted it
            problems.warn(MetadataField.DESCRIPTION_CONTENT_TYPE, problem.get());
        } else {
            problems.add(MetadataField.DESCRIPTION_CONTENT_TYPE, problem.get());
        }
    }

    private static void checkSummary(String summary, Problems problems) {
        if (summary.contains("\n") || summary.contains("\r")) {
            problems.add(MetadataField.SUMMARY, "the summary must be a single line; put longer text in the "
                    + "Description");
        }
        if (summary.length() > MAX_SUMMARY_LENGTH) {
            problems.add(MetadataField.SUMMARY, "the summary is " + summary.length() + " characters long; shorten "
                    + "it to at most " + MAX_SUMMARY_LENGTH);
        }
    }

    private static void checkDynamic(String name, Problems problems) {
        Optional<MetadataField> field = MetadataField.fromHeader(name);
        if (field.isEmpty()) {
            problems.add(MetadataField.DYNAMIC, "'" + name + "' is not a core metadata field name; list field names "
                    + "such as 'Requires-Dist'");
        } else if (NEVER_DYNAMIC.contains(field.get())) {
            problems.add(MetadataField.DYNAMIC, "'" + name + "' is not allowed in Dynamic: Metadata-Version, Name "
                    + "and Version must always be given as fixed values");
        }
    }
}
