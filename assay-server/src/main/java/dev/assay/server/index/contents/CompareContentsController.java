package dev.assay.server.index.contents;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/** {@code /project/<name>/compare/<from>...<to>/contents}: the diff of two releases' contents, for their readers. */
@Controller
class CompareContentsController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ContentsDiff diff;
    private final CallerResolver callers;

    CompareContentsController(ProjectService projects, ReleaseLookup lookup, ContentsDiff diff,
            CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.diff = diff;
        this.callers = callers;
    }

    @GetMapping({"/project/{name}/compare/{range}/contents", "/project/{name}/compare/{range}/contents/"})
    String compare(Authentication authentication, @PathVariable String name, @PathVariable String range,
            Model model) {
        Project project = projects.readable(callers.caller(authentication), name);
        ReleaseRange versions = ReleaseRange.parse(range, project.normalizedName());
        Release from = lookup.release(project, versions.from());
        Release to = lookup.release(project, versions.to());
        model.addAttribute("project", project);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("oldLinks", new ContentsLinks(project.normalizedName(), from.version()));
        model.addAttribute("newLinks", new ContentsLinks(project.normalizedName(), to.version()));
        model.addAttribute("diff", diff.compare(project, from, to));
        return "index/contents/compare";
    }
}
