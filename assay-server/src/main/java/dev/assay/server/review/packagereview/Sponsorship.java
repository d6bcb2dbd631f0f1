package dev.assay.server.review.packagereview;

import java.time.Instant;

/** A sponsor vouched for a contributor by approving their first package. */
public record Sponsorship(String sponsor, String contributor, Instant since) {
}
