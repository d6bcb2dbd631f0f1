package dev.assay.server.review.packagereview;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.index.contents.FileText;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.DiscussionFiles;

/**
 * The files of a package review's iterations, as inline threads read them: iteration N is the release uploaded
 * N-th while the review was open, and its files are the logical paths of that release's sdist and wheels.
 */
@Component
class PackageReviewFiles implements DiscussionFiles {

    private final PackageReviewRepository reviews;
    private final ProjectService projects;
    private final ReleaseRepository releases;
    private final ReleaseContents contents;

    PackageReviewFiles(PackageReviewRepository reviews, ProjectService projects, ReleaseRepository releases,
            ReleaseContents contents) {
        this.reviews = reviews;
        this.projects = projects;
        this.releases = releases;
        this.contents = contents;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.PACKAGE_REVIEW;
    }

    @Override
    public List<Integer> iterations(Discussion discussion) {
        return reviews.iterations(discussion.id()).stream().map(Iteration::number)
                .sorted(Comparator.naturalOrder()).toList();
    }

    @Override
    public Optional<List<String>> lines(Discussion discussion, int iteration, String logicalPath) {
        Optional<Iteration> found = reviews.iterations(discussion.id()).stream()
                .filter(candidate -> candidate.number() == iteration).findFirst();
        Optional<Project> project = projects.find(discussion.projectId());
        if (found.isEmpty() || project.isEmpty()) {
            return Optional.empty();
        }
        return releases.find(project.get().id(), found.get().version())
                .flatMap(release -> contents.find(project.get(), release, logicalPath))
                .filter(FileText::isText).map(FileText::lines);
    }
}
