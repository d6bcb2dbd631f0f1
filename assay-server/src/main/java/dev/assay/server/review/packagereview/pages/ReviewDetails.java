package dev.assay.server.review.packagereview.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseMetadata;
import dev.assay.server.index.description.DescriptionRenderer;
import dev.assay.server.index.description.RstRenderings;
import dev.assay.server.pipeline.queue.PipelineService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.review.packagereview.Iteration;
import dev.assay.server.review.packagereview.PackageReview;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.packagereview.ReviewAction;
import dev.assay.server.review.packagereview.checklist.AutomaticCheck;
import dev.assay.server.review.packagereview.checklist.ChecklistService;

/** Puts together what a review's page and API show, read with the services of the index and the pipelines. */
@Service
public class ReviewDetails {

    private final PackageReviewService reviews;
    private final ChecklistService checklist;
    private final DiscussionRepository discussions;
    private final ProjectService projects;
    private final ReleaseLookup releases;
    private final PipelineService pipelines;
    private final DescriptionRenderer renderer;
    private final RstRenderings rst;

    ReviewDetails(PackageReviewService reviews, ChecklistService checklist, DiscussionRepository discussions,
            ProjectService projects, ReleaseLookup releases, PipelineService pipelines, DescriptionRenderer renderer,
            RstRenderings rst) {
        this.rst = rst;
        this.reviews = reviews;
        this.checklist = checklist;
        this.discussions = discussions;
        this.projects = projects;
        this.releases = releases;
        this.pipelines = pipelines;
        this.renderer = renderer;
    }

    /** The review numbered so, if the caller may read it; otherwise the 404 of a missing review. */
    @Transactional(readOnly = true)
    public ReviewDetail detail(Optional<Caller> caller, long number) {
        PackageReview review = reviews.review(caller, number);
        Project project = projects.project(review.project());
        List<ReviewDetail.IterationView> iterations = reviews.iterations(review).stream()
                .map(iteration -> iteration(project, iteration)).toList();
        String title = discussions.find(number).map(Discussion::title).orElse("Package review of " + project.name());
        String name = project.normalizedName();
        return new ReviewDetail(number, title, name, project.name(), review.state().key(), review.state().flag(),
                review.contributor(), review.reviewer(), review.reason(), review.sponsorNeeded(), review.createdAt(),
                review.updatedAt(), new ReviewDetail.Links(review.path(), "/project/" + name + "/",
                        "/project/" + name + "/source", "/git/" + name + ".git"),
                iterations.isEmpty() ? null : held(project, iterations.get(0).version()), iterations,
                checklist.marks(review), reviews.timeline(review),
                reviews.allowedActions(caller, review).stream().map(ReviewAction::key).toList(),
                checklist.mayMark(caller, review));
    }

    private ReviewDetail.IterationView iteration(Project project, Iteration iteration) {
        Optional<Release> release = findRelease(project, iteration.version());
        List<ReviewDetail.FileView> files = release.map(releases::files).orElse(List.of()).stream()
                .map(file -> new ReviewDetail.FileView(file.filename(), file.packageType(), file.size(), file.sha256(),
                        "/files/" + project.normalizedName() + "/" + file.filename()))
                .toList();
        return new ReviewDetail.IterationView(iteration.number(), iteration.version(), iteration.createdAt(), files,
                AutomaticCheck.of(pipelines.latestPerFile(iteration.releaseId())));
    }

    private ReviewDetail.HeldRelease held(Project project, String version) {
        return findRelease(project, version).map(release -> {
            CoreMetadata metadata = ReleaseMetadata.of(release);
            String description = metadata.description().orElse("");
            String html = description.isBlank() ? null : renderer.render(description,
                    metadata.descriptionContentType().orElse(null), rst.find(release)).html();
            return new ReviewDetail.HeldRelease(release.version(), release.summary(),
                    metadata.requiresPython().orElse(null),
                    metadata.licenseExpression().or(metadata::license).orElse(null),
                    metadata.author().orElse(null), html);
        }).orElse(null);
    }

    // a release deleted since it was uploaded takes its iteration with it; a race with that deletion reads as none
    private Optional<Release> findRelease(Project project, String version) {
        return projects.releasesNewestFirst(project).stream().filter(release -> release.version().equals(version))
                .findFirst();
    }
}
