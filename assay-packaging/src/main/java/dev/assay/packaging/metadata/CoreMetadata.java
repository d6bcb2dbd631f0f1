package dev.assay.packaging.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One distribution's core metadata as written, without interpretation: values are the strings given (version,
 * requirements and specifiers are not parsed here — {@link MetadataValidator} checks them), multiple-use fields are
 * lists in the order given, an absent single-use field is {@link Optional#empty()}.
 *
 * @param metadataVersion the {@code Metadata-Version} as written, e.g. {@code 2.4}
 * @param keywords the {@code Keywords} field split on commas, trimmed, empty entries dropped
 * @param projectUrls {@code Project-URL} label to URL, in the order given
 * @param importNames {@code Import-Name} values (PEP 794) as written; a single empty value means "none"
 * @param unknownFields fields core metadata does not define here (including the deprecated {@code Requires},
 *     {@code Provides}, {@code Obsoletes}), keyed by the name as first written, values in order
 */
public record CoreMetadata(
        String metadataVersion,
        String name,
        String version,
        List<String> dynamic,
        List<String> platforms,
        List<String> supportedPlatforms,
        Optional<String> summary,
        Optional<String> description,
        Optional<String> descriptionContentType,
        List<String> keywords,
        Optional<String> homePage,
        Optional<String> downloadUrl,
        Optional<String> author,
        Optional<String> authorEmail,
        Optional<String> maintainer,
        Optional<String> maintainerEmail,
        Optional<String> license,
        Optional<String> licenseExpression,
        List<String> licenseFiles,
        List<String> classifiers,
        List<String> requiresDist,
        Optional<String> requiresPython,
        List<String> requiresExternal,
        Map<String, String> projectUrls,
        List<String> providesExtra,
        List<String> providesDist,
        List<String> obsoletesDist,
        List<String> importNames,
        List<String> importNamespaces,
        Map<String, List<String>> unknownFields) {

    /** Copies the collections keeping their order; a null optional means absent; the required fields are non-null. */
    public CoreMetadata {
        Objects.requireNonNull(metadataVersion, "metadataVersion");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        dynamic = List.copyOf(dynamic);
        platforms = List.copyOf(platforms);
        supportedPlatforms = List.copyOf(supportedPlatforms);
        summary = present(summary);
        description = present(description);
        descriptionContentType = present(descriptionContentType);
        keywords = List.copyOf(keywords);
        homePage = present(homePage);
        downloadUrl = present(downloadUrl);
        author = present(author);
        authorEmail = present(authorEmail);
        maintainer = present(maintainer);
        maintainerEmail = present(maintainerEmail);
        license = present(license);
        licenseExpression = present(licenseExpression);
        licenseFiles = List.copyOf(licenseFiles);
        classifiers = List.copyOf(classifiers);
        requiresDist = List.copyOf(requiresDist);
        requiresPython = present(requiresPython);
        requiresExternal = List.copyOf(requiresExternal);
        projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
        providesExtra = List.copyOf(providesExtra);
        providesDist = List.copyOf(providesDist);
        obsoletesDist = List.copyOf(obsoletesDist);
        importNames = List.copyOf(importNames);
        importNamespaces = List.copyOf(importNamespaces);
        unknownFields = copyOf(unknownFields);
    }

    /** The values given for {@code field}, as written: an empty list when absent, one value for a single-use field. */
    public List<String> values(MetadataField field) {
        return switch (field) {
            case METADATA_VERSION -> List.of(metadataVersion);
            case NAME -> List.of(name);
            case VERSION -> List.of(version);
            case DYNAMIC -> dynamic;
            case PLATFORM -> platforms;
            case SUPPORTED_PLATFORM -> supportedPlatforms;
            case SUMMARY -> summary.stream().toList();
            case DESCRIPTION -> description.stream().toList();
            case DESCRIPTION_CONTENT_TYPE -> descriptionContentType.stream().toList();
            case KEYWORDS -> keywords.isEmpty() ? List.of() : List.of(String.join(", ", keywords));
            case HOME_PAGE -> homePage.stream().toList();
            case DOWNLOAD_URL -> downloadUrl.stream().toList();
            case AUTHOR -> author.stream().toList();
            case AUTHOR_EMAIL -> authorEmail.stream().toList();
            case MAINTAINER -> maintainer.stream().toList();
            case MAINTAINER_EMAIL -> maintainerEmail.stream().toList();
            case LICENSE -> license.stream().toList();
            case LICENSE_EXPRESSION -> licenseExpression.stream().toList();
            case LICENSE_FILE -> licenseFiles;
            case CLASSIFIER -> classifiers;
            case REQUIRES_DIST -> requiresDist;
            case REQUIRES_PYTHON -> requiresPython.stream().toList();
            case REQUIRES_EXTERNAL -> requiresExternal;
            case PROJECT_URL -> projectUrls.entrySet().stream().map(e -> e.getKey() + ", " + e.getValue()).toList();
            case PROVIDES_EXTRA -> providesExtra;
            case PROVIDES_DIST -> providesDist;
            case OBSOLETES_DIST -> obsoletesDist;
            case IMPORT_NAME -> importNames;
            case IMPORT_NAMESPACE -> importNamespaces;
            case REQUIRES, PROVIDES, OBSOLETES -> unknownValues(field.header());
        };
    }

    private List<String> unknownValues(String header) {
        return unknownFields.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(header))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
    }

    private static Optional<String> present(Optional<String> value) {
        return value == null ? Optional.empty() : value;
    }

    private static Map<String, List<String>> copyOf(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((field, values) -> copy.put(field, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
