package dev.assay.server.index.releasediff;

/**
 * How many logical paths of one distribution kind ({@code sdist}, {@code wheel/<tag>}) were added, removed and
 * changed since the previous release.
 */
public record KindCounts(String kind, int added, int removed, int changed) {
}
