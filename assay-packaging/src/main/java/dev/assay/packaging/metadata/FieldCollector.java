package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers field values from a header block or an upload form, then builds the {@link CoreMetadata}, reporting
 * every structural problem (missing required field, single-use field repeated, duplicate URL label) at once.
 */
final class FieldCollector {
    private final Map<MetadataField, List<String>> values = new EnumMap<>(MetadataField.class);
    private final Map<String, List<String>> unknown = new LinkedHashMap<>();
    private final List<MetadataProblem> problems = new ArrayList<>();
    private final String source;
    private Optional<String> body = Optional.empty();

    /** {@code source} says where the fields came from in messages, e.g. "METADATA" or "the upload form". */
    FieldCollector(String source) {
        this.source = source;
    }

    void add(MetadataField field, String value) {
        if (field.deprecated()) {
            addUnknown(field.header(), value);
        } else {
            values.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
    }

    void addUnknown(String name, String value) {
        String key = unknown.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
        unknown.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    void body(String description) {
        body = Optional.of(description);
    }

    void problem(MetadataProblem problem) {
        problems.add(problem);
    }

    /** The metadata, or an {@link InvalidMetadataException} listing every structural problem. */
    CoreMetadata toCoreMetadata() {
        checkRepetitions();
        checkRequired();
        mergeBody();
        Map<String, String> projectUrls = projectUrls();
        if (!problems.isEmpty()) {
            throw new InvalidMetadataException(problems);
        }
        return new CoreMetadata(one(MetadataField.METADATA_VERSION).orElseThrow(),
                one(MetadataField.NAME).orElseThrow(), one(MetadataField.VERSION).orElseThrow(),
                all(MetadataField.DYNAMIC), all(MetadataField.PLATFORM), all(MetadataField.SUPPORTED_PLATFORM),
                one(MetadataField.SUMMARY), one(MetadataField.DESCRIPTION),
                one(MetadataField.DESCRIPTION_CONTENT_TYPE), keywords(), one(MetadataField.HOME_PAGE),
                one(MetadataField.DOWNLOAD_URL), one(MetadataField.AUTHOR), one(MetadataField.AUTHOR_EMAIL),
                one(MetadataField.MAINTAINER), one(MetadataField.MAINTAINER_EMAIL), one(MetadataField.LICENSE),
                one(MetadataField.LICENSE_EXPRESSION), all(MetadataField.LICENSE_FILE),
                all(MetadataField.CLASSIFIER), all(MetadataField.REQUIRES_DIST),
                one(MetadataField.REQUIRES_PYTHON), all(MetadataField.REQUIRES_EXTERNAL), projectUrls,
                all(MetadataField.PROVIDES_EXTRA), all(MetadataField.PROVIDES_DIST),
                all(MetadataField.OBSOLETES_DIST), all(MetadataField.IMPORT_NAME),
                all(MetadataField.IMPORT_NAMESPACE), unknown);
    }

    private void checkRepetitions() {
        values.forEach((field, given) -> {
            if (!field.multipleUse() && given.size() > 1) {
                problems.add(new MetadataProblem(field.header(), "given " + given.size() + " times in " + source
                        + " but it may appear only once; keep a single " + field.header()));
            }
        });
    }

    private void checkRequired() {
        for (MetadataField field : List.of(MetadataField.METADATA_VERSION, MetadataField.NAME,
                MetadataField.VERSION)) {
            if (!values.containsKey(field)) {
                problems.add(new MetadataProblem(field.header(), "missing from " + source
                        + "; it is required (e.g. '" + field.header() + ": " + example(field) + "')"));
            }
        }
    }

    private static String example(MetadataField field) {
        return switch (field) {
            case METADATA_VERSION -> "2.4";
            case NAME -> "my-project";
            default -> "1.0";
        };
    }

    private void mergeBody() {
        if (body.isEmpty()) {
            return;
        }
        if (values.containsKey(MetadataField.DESCRIPTION)) {
            problems.add(new MetadataProblem(MetadataField.DESCRIPTION.header(), "given both as a header and as the "
                    + "message body in " + source + "; keep only one (the body, after the empty line, is preferred)"));
        } else {
            values.put(MetadataField.DESCRIPTION, List.of(body.get()));
        }
    }

    private Map<String, String> projectUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String entry : all(MetadataField.PROJECT_URL)) {
            int comma = entry.indexOf(',');
            String label = (comma < 0 ? entry : entry.substring(0, comma)).strip();
            String url = comma < 0 ? "" : entry.substring(comma + 1).strip();
            if (urls.containsKey(label)) {
                problems.add(new MetadataProblem(MetadataField.PROJECT_URL.header(), "the label '" + label
                        + "' is used more than once in " + source + "; give each Project-URL a distinct label"));
            }
            urls.putIfAbsent(label, url);
        }
        return urls;
    }

    private List<String> keywords() {
        return one(MetadataField.KEYWORDS).stream()
                .flatMap(keywords -> Arrays.stream(keywords.split(",")))
                .map(String::strip)
                .filter(keyword -> !keyword.isEmpty())
                .toList();
    }

    private Optional<String> one(MetadataField field) {
        return values.getOrDefault(field, List.of()).stream().findFirst();
    }

    private List<String> all(MetadataField field) {
        return values.getOrDefault(field, List.of());
    }
}
