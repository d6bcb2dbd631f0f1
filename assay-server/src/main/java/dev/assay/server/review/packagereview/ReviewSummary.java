package dev.assay.server.review.packagereview;

import java.time.Instant;

/** A review as {@code /reviews} and its API list it. */
public record ReviewSummary(long number, String project, String projectName, String state, String flag,
        String contributor, String reviewer, boolean sponsorNeeded, Instant createdAt, Instant updatedAt,
        String path, long unresolved) {

    /** The review as listed, with its count of unresolved threads. */
    public static ReviewSummary of(PackageReview review, long unresolved) {
        return new ReviewSummary(review.number(), review.project(), review.projectName(), review.state().key(),
                review.state().flag(), review.contributor(), review.reviewer(), review.sponsorNeeded(),
                review.createdAt(), review.updatedAt(), review.path(), unresolved);
    }
}
