package dev.assay.packaging.requirement;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.InvalidSpecifierException;
import dev.assay.packaging.version.Specifier;
import dev.assay.packaging.version.Version;
import java.util.Optional;

/**
 * The comparison rules of the dependency-specifiers specification: PEP 440 semantics when both sides are versions,
 * otherwise string rules where {@code ==}, {@code >=} and {@code <=} mean equality and {@code <}, {@code >} never hold.
 */
final class MarkerComparisons {

    private MarkerComparisons() {
    }

    static boolean holds(Marker.Comparison comparison, MarkerEnvironment environment) {
        String left = comparison.left().valueIn(environment);
        String right = comparison.right().valueIn(environment);
        MarkerOperator operator = comparison.operator();
        if (comparison.involves(MarkerVariable.EXTRA)) {
            // PEP 685 normalises both sides; extras are names, never versions, even when they look like one.
            return compareStrings(ProjectName.normalize(left), operator, ProjectName.normalize(right), comparison);
        }
        return compareVersions(left, operator, right)
                .orElseGet(() -> compareStrings(left, operator, right, comparison));
    }

    // Pre-releases always count: a marker asks what the interpreter is, not which release to prefer.
    private static Optional<Boolean> compareVersions(String left, MarkerOperator operator, String right) {
        if (!operator.isVersionOperator()) {
            return Optional.empty();
        }
        Optional<Specifier> specifier = specifierOf(operator.symbol() + right);
        if (specifier.isEmpty()) {
            return Optional.empty();
        }
        if (operator == MarkerOperator.ARBITRARY_EQUAL) {
            return Optional.of(specifier.get().contains(left, true));
        }
        return Version.tryParse(left).map(version -> specifier.get().contains(version, true));
    }

    private static Optional<Specifier> specifierOf(String clause) {
        try {
            return Optional.of(Specifier.parse(clause));
        } catch (InvalidSpecifierException notAVersion) {
            return Optional.empty();
        }
    }

    private static boolean compareStrings(String left, MarkerOperator operator, String right, Marker.Comparison at) {
        return switch (operator) {
            case EQUAL, ARBITRARY_EQUAL, LESS_EQUAL, GREATER_EQUAL -> left.equals(right);
            case NOT_EQUAL -> !left.equals(right);
            case LESS, GREATER -> false;
            case IN -> right.contains(left);
            case NOT_IN -> !right.contains(left);
            case COMPATIBLE -> throw new UndefinedComparisonException("marker '" + at + "' cannot be evaluated: '~='"
                    + " needs versions on both sides, got '" + left + "' and '" + right + "'");
        };
    }
}
