package dev.assay.server.index.contents;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/**
 * {@code /project/<name>/<version>/contents/} and {@code .../contents/<logical path>}: a release's uploaded files,
 * for exactly those who may read the release (anyone else gets the 404 of a missing project).
 */
@Controller
class ContentsController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ReleaseContents contents;
    private final CallerResolver callers;

    ContentsController(ProjectService projects, ReleaseLookup lookup, ReleaseContents contents,
            CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.contents = contents;
        this.callers = callers;
    }

    @GetMapping("/project/{name}/{version}/contents/{*path}")
    String contents(Authentication authentication, @PathVariable String name, @PathVariable String version,
            @PathVariable String path, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.readable(caller, name);
        Release release = lookup.release(project, version);
        model.addAttribute("project", project);
        model.addAttribute("release", release);
        model.addAttribute("links", new ContentsLinks(project.normalizedName(), release.version()));
        // "/sdist/tests/" names the folder "sdist/tests"
        String logical = path.replaceAll("^/+|/+$", "");
        if (logical.isEmpty()) {
            model.addAttribute("files", contents.list(project, release));
            model.addAttribute("older", olderVersions(project, release));
            return "index/contents/listing";
        }
        FileText text = contents.text(project, release, logical);
        model.addAttribute("text", text);
        model.addAttribute("children", text.entry().kind() == ContentKind.DIRECTORY
                ? children(contents.list(project, text.file()), logical) : List.of());
        return "index/contents/file";
    }

    private static List<ContentEntry> children(DistributionContents listing, String directory) {
        return listing.leaves().stream().filter(entry -> entry.path().startsWith(directory + "/")).toList();
    }

    /** The releases before this one, newest first: what a reviewer compares the release with. */
    private List<String> olderVersions(Project project, Release release) {
        List<String> versions = projects.releasesNewestFirst(project).stream().map(Release::version).toList();
        int at = versions.indexOf(release.version());
        return at < 0 ? List.of() : versions.subList(at + 1, versions.size());
    }
}
