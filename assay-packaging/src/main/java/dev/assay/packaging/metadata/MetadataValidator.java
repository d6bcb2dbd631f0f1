package dev.assay.packaging.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Validates {@link CoreMetadata} as PyPI does on upload (pypa/packaging's {@code Metadata.from_raw} with
 * validation, plus Warehouse's own checks): field versions, names, versions, specifiers, requirements, extras,
 * content type, URLs, email addresses, classifiers, license fields and import names. Rules PyPI does not
 * enforce on the files it accepted (unknown fields, License-File before 2.4, Metadata-Version 2.0, License
 * classifiers beside License-Expression, extras not normalised) are {@link MetadataCheck#warnings() warnings}.
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

    /** Every problem with {@code metadata} that PyPI refuses; an empty list means it is valid. */
    public List<MetadataProblem> validate(CoreMetadata metadata) {
        return check(metadata).errors();
    }

    /** The problems PyPI refuses and, separately, the warnings: advice that does not make the metadata invalid. */
    public MetadataCheck check(CoreMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Problems problems = new Problems();
        Optional<MetadataVersion> version = FieldPresenceRules.check(metadata, problems);
        IdentityRules.check(metadata, problems);
        DescriptiveRules.check(metadata, problems);
        ContactRules.check(metadata, problems);
        LicenseRules.check(metadata, version, problems);
        ClassifierRules.check(metadata, knownClassifier, problems);
        DependencyRules.check(metadata, version, problems);
        ImportNameRules.check(metadata, problems);
        return new MetadataCheck(problems.list(), problems.warnings());
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
