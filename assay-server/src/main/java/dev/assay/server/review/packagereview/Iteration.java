package dev.assay.server.review.packagereview;

import java.time.Instant;

/** One release (version) uploaded while the review was open, numbered from 1; its files are the release's. */
public record Iteration(long id, long reviewNumber, int number, long releaseId, String version, Instant createdAt) {
}
