package dev.assay.packaging.requirement;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.InvalidSpecifierException;
import dev.assay.packaging.version.SpecifierSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A PEP 508 dependency specifier: a project name, extras (PEP 685-normalised, sorted), either a version
 * specifier or a direct URL, and an optional environment marker.
 */
public record Requirement(
        ProjectName name, SortedSet<String> extras, SpecifierSet specifier, Optional<String> url, Optional<Marker> marker) {

    /** Checks the parts fit together: valid extra names, and a URL only without a version specifier. */
    public Requirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specifier, "specifier");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(marker, "marker");
        extras = normalizedExtras(Objects.requireNonNull(extras, "extras"));
        if (url.isPresent() && !specifier.isEmpty()) {
            throw new InvalidRequirementException("requirement " + name + " has both version specifier '" + specifier
                    + "' and URL '" + url.get() + "'; a requirement takes one or the other");
        }
        url.ifPresent(u -> DirectUrlRule.check(u, InvalidRequirementException::new));
    }

    /** Parses a requirement such as {@code requests[security] >= 2.8.1, == 2.8.* ; python_version < "3.8"}. */
    public static Requirement parse(String requirement) {
        ParsedRequirement parsed = RequirementParser.parse(requirement);
        return new Requirement(parsed.name(), parsed.extras(), specifierOf(parsed, requirement),
                Optional.ofNullable(parsed.url()), Optional.ofNullable(parsed.marker()));
    }

    /** The PEP 503 normalised project name, the key for looking the project up. */
    public String normalizedName() {
        return name.normalized();
    }

    /** Whether this requirement applies in {@code environment}: true without a marker, else the marker's value. */
    public boolean appliesTo(MarkerEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        return marker.map(m -> m.evaluate(environment)).orElse(true);
    }

    /** The canonical form: {@code name[a,b]>=1,<2; marker} or {@code name[a] @ url ; marker}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name.display());
        if (!extras.isEmpty()) {
            text.append('[').append(String.join(",", extras)).append(']');
        }
        text.append(specifier);
        url.ifPresent(u -> text.append(" @ ").append(u).append(marker.isPresent() ? " " : ""));
        marker.ifPresent(m -> text.append("; ").append(m));
        return text.toString();
    }

    private static SpecifierSet specifierOf(ParsedRequirement parsed, String requirement) {
        try {
            return SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            throw new InvalidRequirementException("invalid requirement '" + requirement + "': " + e.getMessage(), e);
        }
    }

    private static SortedSet<String> normalizedExtras(SortedSet<String> extras) {
        TreeSet<String> normalized = new TreeSet<>();
        for (String extra : extras) {
            if (!ProjectName.isValid(extra)) {
                throw new InvalidRequirementException("invalid extra name '" + extra
                        + "': it must start and end with an ASCII letter or digit");
            }
            normalized.add(ProjectName.normalize(extra));
        }
        return Collections.unmodifiableSortedSet(normalized);
    }
}
