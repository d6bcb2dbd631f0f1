package dev.assay.server.review.packagereview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.BlobPage;
import dev.assay.server.git.browse.SourceOverview;
import dev.assay.server.git.browse.SourceRef;
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
 * {@code git/<path>} for the project's repository at the iteration's ref (see {@link #repositoryRef}).
 */
@Component
public class PackageReviewFiles implements DiscussionFiles {

    static final String GIT = "git/";

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
        Optional<Iteration> found = reviews.iterations(discussion.id()).stream()
                .filter(candidate -> candidate.number() == iteration).findFirst();
        Optional<Project> project = projects.find(discussion.projectId());
        if (found.isEmpty() || project.isEmpty()) {
            return Optional.empty();
        }
        if (logicalPath.startsWith(GIT)) {
            return repositoryLines(project.get(), found.get().version(), logicalPath.substring(GIT.length()));
        }
        return releases.find(project.get().id(), found.get().version())
                .flatMap(release -> contents.find(project.get(), release, logicalPath))
                .filter(FileText::isText).map(FileText::lines);
    }

    /**
     * The ref of the project's repository an iteration of this version is reviewed at: the tag naming the version
     * ({@code 1.2} or {@code v1.2}) when there is one, else the default branch; empty before the first push.
     */
    public Optional<String> repositoryRef(Project project, String version) {
        Optional<SourceOverview> overview = sources.overview(project);
        if (overview.isEmpty()) {
            return Optional.empty();
        }
        List<String> tags = overview.get().tags().stream().map(SourceRef::name).toList();
        for (String candidate : List.of(version, "v" + version)) {
            if (tags.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.ofNullable(overview.get().defaultBranch());
    }

    private Optional<List<String>> repositoryLines(Project project, String version, String path) {
        Optional<String> ref = repositoryRef(project, version);
        if (ref.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        List<String> refAndPath = new ArrayList<>(List.of(ref.get()));
        refAndPath.addAll(List.of(path.split("/")));
        try {
            BlobPage blob = sources.blob(project, refAndPath);
            return blob.isText() ? Optional.of(blob.lines()) : Optional.empty();
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }
}
