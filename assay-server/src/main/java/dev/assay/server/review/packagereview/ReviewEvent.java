package dev.assay.server.review.packagereview;

import java.time.Instant;

/** One entry of a review's timeline: who did what, when, with a detail (a reason, a version, a file). */
public record ReviewEvent(long id, String actor, String action, String detail, Instant at) {
}
