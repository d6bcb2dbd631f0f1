package dev.assay.packaging.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Validates {@link CoreMetadata} as PyPI does on upload (pypa/packaging's {@code Metadata.from_raw} with
 * validation, plus Warehouse's own checks): field versions, names, versions, specifiers, requirements, extras,
 * content type, URLs, email addresses, classifiers and license fields.
 */
public final class MetadataValidator {
    private final Predicate<String> knownClassifier;

    /** A validator that accepts any classifier of the form {@code Topic :: Subtopic}. */
    public MetadataValidator() {
        this(ClassifierRules::hasTroveForm);
    }

    /** A validator that accepts only the classifiers {@code knownClassifier} accepts, e.g. the trove list. */
    public MetadataValidator(Predicate<String> knownClassifier) {
        this.knownClassifier = Objects.requireNonNull(knownClassifier, "knownClassifier");
    }

    /** Every problem with {@code metadata}; an empty list means it is valid. */
    public List<MetadataProblem> validate(CoreMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Problems problems = new Problems();
        Optional<MetadataVersion> version = FieldPresenceRules.check(metadata, problems);
        IdentityRules.check(metadata, problems);
        DescriptiveRules.check(metadata, problems);
        ContactRules.check(metadata, problems);
        LicenseRules.check(metadata, problems);
        ClassifierRules.check(metadata, knownClassifier, problems);
        DependencyRules.check(metadata, version, problems);
        return problems.list();
    }

    /**
     * Returns {@code metadata} when it is valid.
     *
     * @throws InvalidMetadataException listing every problem otherwise
     */
    public CoreMetadata validateOrThrow(CoreMetadata metadata) {
        List<MetadataProblem> problems = validate(metadata);
        if (!problems.isEmpty()) {
            throw new InvalidMetadataException(problems);
        }
        return metadata;
    }
}
