package dev.assay.server.review.packagereview;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.ProfileSection;
import dev.assay.server.accounts.User;
import dev.assay.server.index.ProjectService;

/** A person's package reviews (as contributor and as reviewer, those the viewer may read) and sponsorships. */
@Component
class ReviewProfileSection implements ProfileSection {

    private static final int SHOWN = 50;

    private final PackageReviewRepository reviews;
    private final ProjectService projects;

    ReviewProfileSection(PackageReviewRepository reviews, ProjectService projects) {
        this.reviews = reviews;
        this.projects = projects;
    }

    @Override
    @Transactional(readOnly = true)
    public void addTo(User person, Optional<Caller> viewer, Model model) {
        model.addAttribute("reviews", reviews.byPerson(projects.reader(viewer), person.id(), SHOWN).stream()
                .map(ReviewSummary::of).toList());
        model.addAttribute("sponsorships", reviews.sponsorships(person.id()));
    }
}
