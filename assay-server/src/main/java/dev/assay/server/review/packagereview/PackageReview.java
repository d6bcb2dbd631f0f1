package dev.assay.server.review.packagereview;

import java.time.Instant;

import dev.assay.server.review.DiscussionKind;

/**
 * A package review as stored, with the names its pages show.
 *
 * @param number        its discussion's number (#N)
 * @param project       the project's normalised name; {@code projectName} is its display name
 * @param reviewerId    who took it, or null while nobody has
 * @param reason        why it needs work or was rejected, or null
 * @param sponsorNeeded whether its contributor has no sponsor yet: only a member of {@code sponsors} may approve it
 */
public record PackageReview(long number, long projectId, String project, String projectName, PackageReviewState state,
        long contributorId, String contributor, Long reviewerId, String reviewer, String reason, boolean sponsorNeeded,
        Instant createdAt, Instant updatedAt) {

    /** The site path of its page, e.g. {@code /reviews/12}. */
    public String path() {
        return DiscussionKind.PACKAGE_REVIEW.path(number);
    }

    /** Whether this user took the review. */
    public boolean takenBy(long userId) {
        return reviewerId != null && reviewerId == userId;
    }
}
