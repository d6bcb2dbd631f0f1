package dev.assay.packaging.version;

import java.util.Locale;
import java.util.Objects;

/**
 * One PEP 440 version specifier clause such as {@code >=1.0}, {@code ==2.1.*} or {@code ~=2.2.post3}.
 * By default a pre-release matches only when the clause itself names a pre-release.
 */
public final class Specifier {
    private final Operator operator;
    private final String version;
    private final Version parsed;
    private final boolean wildcard;

    Specifier(Operator operator, String version, Version parsed, boolean wildcard) {
        this.operator = operator;
        this.version = version;
        this.parsed = parsed;
        this.wildcard = wildcard;
    }

    /** Parses one clause, or throws {@link InvalidSpecifierException} saying what is wrong. */
    public static Specifier parse(String text) {
        return SpecifierParser.parse(text);
    }

    /** The operator, e.g. {@link Operator#GREATER_OR_EQUAL}. */
    public Operator operator() {
        return operator;
    }

    /** The normalised version text, e.g. {@code 2.1.*}; for {@code ===} the string exactly as written. */
    public String version() {
        return version;
    }

    /** Whether this clause ends in the {@code .*} prefix wildcard. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** Whether the clause explicitly names a pre-release, which lets pre-releases match ({@code !=} never does). */
    public boolean impliesPrereleases() {
        return operator != Operator.NOT_EQUAL && !wildcard && parsed != null && parsed.isPrerelease();
    }

    /** Whether {@code candidate} satisfies this clause, under the default pre-release rule. */
    public boolean contains(Version candidate) {
        return contains(candidate, impliesPrereleases());
    }

    /** Whether {@code candidate} satisfies this clause; pre-releases are rejected unless {@code includePrereleases}. */
    public boolean contains(Version candidate, boolean includePrereleases) {
        Objects.requireNonNull(candidate, "candidate");
        if (candidate.isPrerelease() && !includePrereleases) {
            return false;
        }
        return matches(candidate);
    }

    /** Like {@link #contains(Version)}; a string that is not a valid version matches only an equal {@code ===}. */
    public boolean contains(String candidate) {
        return contains(candidate, impliesPrereleases());
    }

    /** Like {@link #contains(Version, boolean)}, for a version string that may not be valid PEP 440. */
    public boolean contains(String candidate, boolean includePrereleases) {
        if (candidate == null) {
            return false;
        }
        Version version = Version.tryParse(candidate).orElse(null);
        if (version != null && version.isPrerelease() && !includePrereleases) {
            return false;
        }
        if (operator == Operator.ARBITRARY_EQUAL) {
            // === compares the text as written: 1.0 does not match ===1.0.0
            return VersionParser.strip(candidate).equalsIgnoreCase(this.version);
        }
        return version != null && matches(version);
    }

    private boolean matches(Version candidate) {
        return switch (operator) {
            case ARBITRARY_EQUAL -> candidate.toString().equalsIgnoreCase(version);
            case COMPATIBLE -> ClauseMatching.compatible(candidate, parsed);
            case EQUAL -> equalMatch(candidate);
            case NOT_EQUAL -> !equalMatch(candidate);
            case LESS_OR_EQUAL -> ClauseMatching.lessOrEqual(candidate, parsed);
            case GREATER_OR_EQUAL -> ClauseMatching.greaterOrEqual(candidate, parsed);
            case LESS -> ClauseMatching.less(candidate, parsed);
            case GREATER -> ClauseMatching.greater(candidate, parsed);
        };
    }

    private boolean equalMatch(Version candidate) {
        return wildcard
                ? ClauseMatching.matchesPrefix(candidate, parsed.epoch(), parsed.release())
                : ClauseMatching.equal(candidate, parsed);
    }

    /** Clauses are equal when they accept the same versions: ==2.8.0 equals ==2.8, but ~=1.18.0 differs from ~=1.18. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Specifier that
                && operator == that.operator
                && comparisonKey().equals(that.comparisonKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, comparisonKey());
    }

    private Object comparisonKey() {
        if (operator == Operator.ARBITRARY_EQUAL) {
            return version.toLowerCase(Locale.ROOT);
        }
        // ~= reads its last release number, so trailing zeros change its meaning there
        return wildcard || operator == Operator.COMPATIBLE ? version : parsed;
    }

    /** The normalised clause, e.g. {@code >=1.0a1} for {@code ">= 1.0-alpha1"}. */
    @Override
    public String toString() {
        return operator.symbol() + version;
    }
}
