package dev.assay.server.review.change.gate;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.assay.server.error.InvalidInputException;

/** How a change request merges: the target moves to its commit, a merge commit, or one squashed commit. */
public enum MergeMethod {
    FAST_FORWARD,
    MERGE,
    SQUASH;

    /** The method's name as sent: {@code fast-forward}, {@code merge}, {@code squash}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The method named so, or a 400 naming the valid ones. */
    public static MergeMethod ofKey(String key) {
        return Arrays.stream(values()).filter(method -> method.key().equals(key == null ? "" : key.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a merge method: use "
                        + names(Arrays.asList(values()))));
    }

    /** The methods' names, comma-separated. */
    static String names(Collection<MergeMethod> methods) {
        return methods.stream().map(MergeMethod::key).collect(Collectors.joining(", "));
    }
}
