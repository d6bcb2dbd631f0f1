package dev.assay.packaging.version;

import java.util.Objects;

/**
 * The pre-release part of a version: a normalised phase label ({@code a}, {@code b} or {@code rc})
 * and its number.
 */
public record PreRelease(String label, long number) implements Comparable<PreRelease> {
    /** Accepts only the normalised labels and a non-negative number. */
    public PreRelease {
        Objects.requireNonNull(label, "label");
        if (!label.equals("a") && !label.equals("b") && !label.equals("rc")) {
            throw new InvalidVersionException(
                    "Invalid pre-release label '" + label + "': use the normalised a, b or rc");
        }
        if (number < 0) {
            throw new InvalidVersionException("Invalid pre-release number " + number + ": must not be negative");
        }
    }

    /** Orders alpha before beta before release candidate, then by number. */
    @Override
    public int compareTo(PreRelease other) {
        // "a" < "b" < "rc" happens to be alphabetical, which is exactly the phase order
        int byLabel = label.compareTo(other.label);
        return byLabel != 0 ? byLabel : Long.compare(number, other.number);
    }

    @Override
    public String toString() {
        return label + number;
    }
}
