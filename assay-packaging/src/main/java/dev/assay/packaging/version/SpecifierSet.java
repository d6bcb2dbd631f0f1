package dev.assay.packaging.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A comma-separated conjunction of specifier clauses, such as {@code >=1.0,!=1.3.*,<2}; the empty set
 * constrains nothing. Pre-releases are excluded unless a clause names one or the set is told otherwise.
 */
public final class SpecifierSet {
    private final List<Specifier> specifiers;
    private final Boolean prereleases;

    private SpecifierSet(List<Specifier> specifiers, Boolean prereleases) {
        this.specifiers = List.copyOf(specifiers);
        this.prereleases = prereleases;
    }

    /** Parses comma-separated clauses (blank = no constraint), or throws {@link InvalidSpecifierException}. */
    public static SpecifierSet parse(String text) {
        if (text == null) {
            throw new InvalidSpecifierException(
                    "Invalid specifier set: null; write one like >=1.0,<2 or leave it empty");
        }
        List<Specifier> clauses = new ArrayList<>();
        for (String clause : text.split(",", -1)) {
            // pip and packaging skip empty clauses such as a trailing comma, so metadata in the wild has them
            if (!VersionParser.strip(clause).isEmpty()) {
                clauses.add(Specifier.parse(clause));
            }
        }
        return new SpecifierSet(clauses, null);
    }

    /** A set of the given clauses under the default pre-release rule. */
    public static SpecifierSet of(Collection<Specifier> specifiers) {
        specifiers.forEach(s -> Objects.requireNonNull(s, "specifier"));
        return new SpecifierSet(new ArrayList<>(specifiers), null);
    }

    /** The set that constrains nothing. */
    public static SpecifierSet empty() {
        return new SpecifierSet(List.of(), null);
    }

    /** The same clauses, with pre-releases always allowed ({@code true}) or always refused ({@code false}). */
    public SpecifierSet withPrereleases(boolean allowed) {
        return new SpecifierSet(specifiers, allowed);
    }

    /** The explicit pre-release decision given by {@link #withPrereleases}, if any. */
    public Optional<Boolean> prereleaseOverride() {
        return Optional.ofNullable(prereleases);
    }

    /** Whether pre-releases are admitted: the override if given, otherwise whether any clause names one. */
    public boolean allowsPrereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        return specifiers.stream().anyMatch(Specifier::impliesPrereleases);
    }

    /** The clauses in the order written. */
    public List<Specifier> specifiers() {
        return specifiers;
    }

    /** Whether there are no clauses. */
    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** Whether {@code version} satisfies every clause, under this set's pre-release rule. */
    public boolean contains(Version version) {
        return contains(version, allowsPrereleases());
    }

    /** Whether {@code version} satisfies every clause; pre-releases are refused unless {@code includePrereleases}. */
    public boolean contains(Version version, boolean includePrereleases) {
        Objects.requireNonNull(version, "version");
        if (version.isPrerelease() && !includePrereleases) {
            return false;
        }
        return specifiers.stream().allMatch(s -> s.contains(version, true));
    }

    /** Like {@link #contains(Version)} for a string; an invalid version matches only {@code ===} clauses. */
    public boolean contains(String version) {
        return contains(version, allowsPrereleases());
    }

    /** Like {@link #contains(Version, boolean)} for a string that may not be a valid version. */
    public boolean contains(String version, boolean includePrereleases) {
        if (version == null) {
            return false;
        }
        Optional<Version> parsed = Version.tryParse(version);
        if (parsed.isPresent() && parsed.get().isPrerelease() && !includePrereleases) {
            return false;
        }
        return specifiers.stream().allMatch(s -> s.contains(version, true));
    }

    /**
     * The items whose version satisfies the set, in their order. Under the default rule pre-releases are
     * kept only when no final release matches, as PEP 440 recommends for installers.
     */
    public <T> List<T> filter(Collection<T> items, Function<? super T, Version> versionOf) {
        List<T> matching = matching(items, versionOf);
        if (prereleases != null) {
            return prereleases ? matching : withoutPrereleases(matching, versionOf);
        }
        if (allowsPrereleases()) {
            return matching;
        }
        List<T> finals = withoutPrereleases(matching, versionOf);
        return finals.isEmpty() ? matching : finals;
    }

    /** The items whose version satisfies the set, pre-releases kept only when {@code includePrereleases}. */
    public <T> List<T> filter(Collection<T> items, Function<? super T, Version> versionOf, boolean includePrereleases) {
        List<T> matching = matching(items, versionOf);
        return includePrereleases ? matching : withoutPrereleases(matching, versionOf);
    }

    /** The versions that satisfy the set, under the default rule of {@link #filter(Collection, Function)}. */
    public List<Version> filter(Collection<Version> versions) {
        return filter(versions, Function.identity());
    }

    /** Both sets' clauses; an override present on only one side is kept, conflicting overrides are refused. */
    public SpecifierSet and(SpecifierSet other) {
        if (prereleases != null && other.prereleases != null && !prereleases.equals(other.prereleases)) {
            throw new InvalidSpecifierException("Cannot combine '" + this + "' and '" + other
                    + "': one allows pre-releases and the other refuses them");
        }
        List<Specifier> combined = new ArrayList<>(specifiers);
        combined.addAll(other.specifiers);
        return new SpecifierSet(combined, prereleases != null ? prereleases : other.prereleases);
    }

    private <T> List<T> matching(Collection<T> items, Function<? super T, Version> versionOf) {
        return select(items, item -> contains(versionOf(item, versionOf), true));
    }

    private static <T> List<T> withoutPrereleases(List<T> items, Function<? super T, Version> versionOf) {
        return select(items, item -> !versionOf(item, versionOf).isPrerelease());
    }

    private static <T> List<T> select(Collection<T> items, Predicate<T> keep) {
        List<T> kept = new ArrayList<>();
        for (T item : items) {
            if (keep.test(item)) {
                kept.add(item);
            }
        }
        return kept;
    }

    private static <T> Version versionOf(T item, Function<? super T, Version> versionOf) {
        return Objects.requireNonNull(versionOf.apply(item), () -> "no version for " + item);
    }

    /** Sets are equal when they hold the same clauses, in any order, and the same override. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpecifierSet that
                && new LinkedHashSet<>(specifiers).equals(new LinkedHashSet<>(that.specifiers))
                && Objects.equals(prereleases, that.prereleases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(new LinkedHashSet<>(specifiers), prereleases);
    }

    /** The normalised clauses joined by commas, in the order written; empty for the empty set. */
    @Override
    public String toString() {
        return String.join(",", specifiers.stream().map(Specifier::toString).toList());
    }
}
