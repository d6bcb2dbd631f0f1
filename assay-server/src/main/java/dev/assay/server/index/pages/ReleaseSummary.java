package dev.assay.server.index.pages;

import java.time.Instant;

/** A release as a listing shows it: which project, which version, what it says it is, when it came. */
public record ReleaseSummary(String projectName, String normalizedName, String version, String summary,
        Instant createdAt) {
}
