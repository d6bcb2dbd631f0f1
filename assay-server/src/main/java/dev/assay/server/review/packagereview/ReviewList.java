package dev.assay.server.review.packagereview;

import java.util.List;
import java.util.Map;

/** A page of {@code /reviews}: the reviews shown and the counts of every filter, as the caller may read them. */
public record ReviewList(List<PackageReview> reviews, Counts counts, Map<Long, Long> unresolved) {

    /** The number of unresolved threads of a review shown. */
    public long unresolvedOf(long number) {
        return unresolved.getOrDefault(number, 0L);
    }


    /**
     * How many reviews the caller may read are in each state, are theirs, wait for them and need a sponsor (the
     * last three open or not as their filter says).
     */
    public record Counts(Map<PackageReviewState, Long> byState, long mine, long waitingForMe, long sponsorNeeded) {
    }
}
