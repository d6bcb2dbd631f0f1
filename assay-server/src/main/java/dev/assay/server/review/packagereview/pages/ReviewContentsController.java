package dev.assay.server.review.packagereview.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.SourceService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.contents.ContentsLinks;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.review.packagereview.PackageReviewFiles;

/** {@code /reviews/N/iterations/J/contents}: the files of one iteration, each opening where its lines take comments. */
@Controller
class ReviewContentsController {

    private static final int REPOSITORY_FILES_SHOWN = 2000;

    private final ReviewDetails details;
    private final ProjectService projects;
    private final ReleaseLookup releases;
    private final ReleaseContents contents;
    private final CallerResolver callers;
    private final PackageReviewFiles files;
    private final SourceService sources;

    ReviewContentsController(ReviewDetails details, ProjectService projects, ReleaseLookup releases,
            ReleaseContents contents, CallerResolver callers, PackageReviewFiles files, SourceService sources) {
        this.details = details;
        this.projects = projects;
        this.releases = releases;
        this.contents = contents;
        this.callers = callers;
        this.files = files;
        this.sources = sources;
    }

    @GetMapping("/reviews/{number}/iterations/{iteration}/contents")
    String contents(Authentication authentication, @PathVariable long number, @PathVariable int iteration,
            Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        ReviewDetail review = details.detail(caller, number);
        ReviewDetail.IterationView shown = iterationOf(review, iteration);
        Project project = projects.readable(caller, review.project());
        Release release = releases.release(project, shown.version());
        model.addAttribute("review", review);
        model.addAttribute("iteration", shown);
        model.addAttribute("files", contents.list(project, release));
        model.addAttribute("links", new ReviewContentsLinks(number, iteration, project.name(), release.version()));
        review.iterations().stream().filter(older -> older.number() == iteration - 1).findFirst()
                .ifPresent(previous -> model.addAttribute("changes",
                        new ContentsLinks(project.normalizedName(), release.version()).compareFrom(previous.version())));
        files.repositoryOf(number, iteration).ifPresent(pin -> {
            List<String> paths = sources.files(project, pin.commit(), REPOSITORY_FILES_SHOWN + 1);
            model.addAttribute("repositoryRef", pin.ref());
            model.addAttribute("repositoryCommit", pin.commit());
            model.addAttribute("repositoryFiles", paths.stream().limit(REPOSITORY_FILES_SHOWN)
                    .map(path -> PackageReviewFiles.GIT + path).toList());
            model.addAttribute("repositoryTruncated", paths.size() > REPOSITORY_FILES_SHOWN);
        });
        return "review/packagereview/contents";
    }

    private static ReviewDetail.IterationView iterationOf(ReviewDetail review, int iteration) {
        return review.iterations().stream().filter(candidate -> candidate.number() == iteration).findFirst()
                .orElseThrow(() -> new NotFoundException("package review #" + review.number() + " has no iteration "
                        + iteration));
    }
}
