package dev.assay.server.review.packagereview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.accounts.pages.ProfileSection;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.thread.ThreadService;

/** A person's package reviews (as contributor and as reviewer, those the viewer may read) and sponsorships. */
@Component
class ReviewProfileSection implements ProfileSection {

    private static final int SHOWN = 50;

    private final PackageReviewRepository reviews;
    private final ProjectService projects;
    private final ThreadService threads;

    ReviewProfileSection(PackageReviewRepository reviews, ProjectService projects, ThreadService threads) {
        this.reviews = reviews;
        this.projects = projects;
        this.threads = threads;
    }

    @Override
    @Transactional(readOnly = true)
    public void addTo(User person, Optional<Caller> viewer, Model model) {
        List<PackageReview> shown = reviews.byPerson(projects.reader(viewer), person.id(), SHOWN);
        Map<Long, Long> unresolved = threads.unresolvedCounts(shown.stream().map(PackageReview::number).toList());
        model.addAttribute("reviews", shown.stream()
                .map(review -> ReviewSummary.of(review, unresolved.getOrDefault(review.number(), 0L))).toList());
        model.addAttribute("sponsorships", reviews.sponsorships(person.id()));
    }
}
