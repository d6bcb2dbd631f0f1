package dev.assay.server.review.packagereview.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.assay.server.review.packagereview.ReviewList;
import dev.assay.server.review.packagereview.ReviewSummary;

/** {@code GET /api/v1/reviews}: the reviews shown and the counts, states named as stored ({@code in-review}). */
public record ReviewListView(List<ReviewSummary> reviews, Counts counts) {

    /** The counts of every filter. */
    public record Counts(Map<String, Long> states, long mine, long waitingForMe, long sponsorNeeded) {
    }

    static ReviewListView of(ReviewList list) {
        Map<String, Long> states = new LinkedHashMap<>();
        list.counts().byState().forEach((state, count) -> states.put(state.key(), count));
        return new ReviewListView(list.reviews().stream()
                .map(review -> ReviewSummary.of(review, list.unresolvedOf(review.number()))).toList(),
                new Counts(states, list.counts().mine(), list.counts().waitingForMe(), list.counts().sponsorNeeded()));
    }
}
