package dev.assay.packaging.metadata;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.requirement.InvalidMarkerException;
import dev.assay.packaging.requirement.InvalidRequirementException;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.version.InvalidSpecifierException;
import dev.assay.packaging.version.SpecifierSet;
import java.util.Optional;

/** Checks Requires-Python, Provides-Extra and the PEP 508 requirements of Requires-Dist and the *-Dist fields. */
final class DependencyRules {
    private DependencyRules() {
    }

    static void check(CoreMetadata metadata, Optional<MetadataVersion> version, Problems problems) {
        metadata.requiresPython().ifPresent(specifiers -> checkRequiresPython(specifiers, problems));
        boolean normalisedExtras = version.map(v -> v.atLeast(MetadataVersion.V2_3)).orElse(false);
        metadata.providesExtra().forEach(extra -> checkExtra(extra, normalisedExtras, problems));
        metadata.requiresDist().forEach(requirement -> checkRequirement(MetadataField.REQUIRES_DIST, requirement,
                problems));
        metadata.providesDist().forEach(requirement -> checkRequirement(MetadataField.PROVIDES_DIST, requirement,
                problems));
        metadata.obsoletesDist().forEach(requirement -> checkRequirement(MetadataField.OBSOLETES_DIST, requirement,
                problems));
    }

    /** A valid PEP 508 requirement naming a released project: an index serves no direct URL dependencies. */
    private static void checkRequirement(MetadataField field, String requirement, Problems problems) {
        Requirement parsed;
        try {
            parsed = Requirement.parse(requirement);
        } catch (InvalidRequirementException | InvalidMarkerException e) {
            problems.add(field, "'" + requirement + "' is not a valid PEP 508 requirement: " + e.getMessage());
            return;
        }
        if (parsed.url().isPresent()) {
            problems.add(field, "'" + requirement + "' is a direct URL reference, which an index does not accept; "
                    + "depend on a released version of " + parsed.name() + " instead");
        }
    }

    private static void checkRequiresPython(String specifiers, Problems problems) {
        try {
            SpecifierSet.parse(specifiers);
        } catch (InvalidSpecifierException e) {
            problems.add(MetadataField.REQUIRES_PYTHON, "'" + specifiers + "' is not a valid version specifier set: "
                    + e.getMessage() + " (write e.g. '>=3.9' or '>=3.8,!=3.9.0')");
        }
    }

    private static void checkExtra(String extra, boolean mustBeNormalised, Problems problems) {
        if (!ProjectName.isValid(extra)) {
            problems.add(MetadataField.PROVIDES_EXTRA, "'" + extra + "' is not a valid extra name; use ASCII "
                    + "letters, digits, '.', '_' and '-', starting and ending with a letter or digit");
        } else if (mustBeNormalised && !ProjectName.normalize(extra).equals(extra)) {
            // packaging normalises such an extra rather than refusing it, so PyPI accepts it
            problems.warn(MetadataField.PROVIDES_EXTRA, "'" + extra + "' is not normalised as metadata version 2.3 "
                    + "and later require (PEP 685); write '" + ProjectName.normalize(extra) + "'");
        }
    }
}
