package dev.assay.server.review.thread.tracker;

import java.time.Instant;

/**
 * An issue-tracker reference that comments turn into a link: text matching {@code pattern} (e.g.
 * {@code rhbz#(\d+)}) links to {@code urlTemplate} with {@code $1}… replaced by the match's groups.
 */
public record TrackerPattern(long id, String pattern, String urlTemplate, Instant createdAt) {
}
