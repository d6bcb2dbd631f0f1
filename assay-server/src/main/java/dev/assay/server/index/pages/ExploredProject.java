package dev.assay.server.index.pages;

import java.time.Instant;

/**
 * A project as {@code /explore} lists it: its summary, its newest release (version and time, null when it has none)
 * and how many projects here that the reader may read require it.
 */
public record ExploredProject(String name, String normalizedName, String summary, String latestVersion,
        Instant latestAt, long dependents) {
}
