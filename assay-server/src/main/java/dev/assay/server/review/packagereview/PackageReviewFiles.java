package dev.assay.server.review.packagereview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.BlobPage;
import dev.assay.server.git.browse.SourceService;
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
 * N-th while the review was open; its files are the logical paths of that release's sdist and wheels, and
 * {@code git/<path>} for the project's repository at the commit the iteration pinned (see {@link RepositoryPins}).
 */
@Component
public class PackageReviewFiles implements DiscussionFiles {

    public static final String GIT = "git/";

    private final PackageReviewRepository reviews;
    private final ProjectService projects;
    private final ReleaseRepository releases;
    private final ReleaseContents contents;
    private final SourceService sources;

    PackageReviewFiles(PackageReviewRepository reviews, ProjectService projects, ReleaseRepository releases,
            ReleaseContents contents, SourceService sources) {
        this.reviews = reviews;
        this.projects = projects;
        this.releases = releases;
        this.contents = contents;
        this.sources = sources;
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
        Optional<Iteration> found = iteration(discussion.id(), iteration);
        Optional<Project> project = projects.find(discussion.projectId());
        if (found.isEmpty() || project.isEmpty()) {
            return Optional.empty();
        }
        if (logicalPath.startsWith(GIT)) {
            return found.get().repository().flatMap(pin -> repositoryLines(project.get(), pin.commit(),
                    logicalPath.substring(GIT.length())));
        }
        return releases.find(project.get().id(), found.get().version())
                .flatMap(release -> contents.find(project.get(), release, logicalPath))
                .filter(FileText::isText).map(FileText::lines);
    }

    /** Where iteration {@code number} of the review reads the project's repository, if anything had been pushed. */
    public Optional<RepositoryPin> repositoryOf(long review, int number) {
        return iteration(review, number).flatMap(Iteration::repository);
    }

    private Optional<Iteration> iteration(long review, int number) {
        return reviews.iterations(review).stream().filter(candidate -> candidate.number() == number).findFirst();
    }

    private Optional<List<String>> repositoryLines(Project project, String commit, String path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        List<String> refAndPath = new ArrayList<>(List.of(commit));
        refAndPath.addAll(List.of(path.split("/")));
        try {
            BlobPage blob = sources.blob(project, refAndPath);
            return blob.isText() ? Optional.of(blob.lines()) : Optional.empty();
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }
}
