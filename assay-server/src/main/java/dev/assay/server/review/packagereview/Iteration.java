package dev.assay.server.review.packagereview;

import java.time.Instant;

import java.util.Optional;

/**
 * One release (version) uploaded while the review was open, numbered from 1; its files are the release's, and the
 * project's repository as it stood then ({@code repository} empty when nothing had been pushed).
 */
public record Iteration(long id, long reviewNumber, int number, long releaseId, String version, Instant createdAt,
        Optional<RepositoryPin> repository) {
}
