package dev.assay.server.review.packagereview;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.assay.server.index.Reader;
import dev.assay.server.index.feeds.Activity;
import dev.assay.server.index.feeds.ActivitySource;

/** The package reviews a person opened (as contributor), for their activity feed. */
@Component
class ReviewActivity implements ActivitySource {

    private final PackageReviewRepository reviews;

    ReviewActivity(PackageReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<Activity> activity(long personId, Reader reader, int limit) {
        // byPerson also lists the reviews the person took: it may return some the feed drops
        return reviews.byPerson(reader, personId, limit).stream()
                .filter(review -> review.contributorId() == personId)
                .map(review -> new Activity("Opened package review #" + review.number() + " of "
                        + review.projectName(), review.path(), "State: " + review.state().key(), review.createdAt()))
                .toList();
    }
}
