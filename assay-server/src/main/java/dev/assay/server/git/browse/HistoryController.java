package dev.assay.server.git.browse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.browse.diff.DiffViews;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** The history pages of a project, for those who may read it: commit log, one commit, compare. */
@Controller
class HistoryController {

    private final ProjectService projects;
    private final HistoryService history;
    private final CallerResolver callers;

    HistoryController(ProjectService projects, HistoryService history, CallerResolver callers) {
        this.projects = projects;
        this.history = history;
        this.callers = callers;
    }

    @GetMapping("/project/{name}/source/commits/{*ref}")
    String commits(Authentication authentication, @PathVariable String name, @PathVariable String ref,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Project project = show(authentication, name, model);
        model.addAttribute("page", history.log(project, String.join("/", SourceController.segments(ref)), page));
        return "git/commits";
    }

    @GetMapping("/project/{name}/source/commit/{id}")
    String commit(Authentication authentication, @PathVariable String name, @PathVariable String id,
            @RequestParam(defaultValue = "unified") String view, Model model) {
        boolean split = DiffViews.isSplit(view);
        Project project = show(authentication, name, model);
        CommitPage page = history.commit(project, id);
        model.addAttribute("page", page);
        model.addAttribute("split", split);
        SourceLinks links = new SourceLinks(project.normalizedName());
        model.addAttribute("views", DiffViews.of(links.commit(page.commit().id())));
        return "git/commit";
    }

    @GetMapping("/project/{name}/source/compare/{*range}")
    String compare(Authentication authentication, @PathVariable String name, @PathVariable String range,
            @RequestParam(defaultValue = "unified") String view, Model model) {
        boolean split = DiffViews.isSplit(view);
        Project project = show(authentication, name, model);
        String spec = range.startsWith("/") ? range.substring(1) : range;
        int dots = spec.indexOf("...");
        if (dots <= 0 || dots + 3 >= spec.length()) {
            throw new InvalidInputException("compare needs two refs as <from>...<to>, e.g. main...feature/x");
        }
        ComparePage page = history.compare(project, spec.substring(0, dots), spec.substring(dots + 3));
        model.addAttribute("page", page);
        model.addAttribute("split", split);
        SourceLinks links = new SourceLinks(project.normalizedName());
        model.addAttribute("views", DiffViews.of(links.compare(page.from(), page.to())));
        return "git/compare";
    }

    /** The compare form of the overview page submits here; the answer is the compare page's own address. */
    @GetMapping(path = "/project/{name}/source/compare", params = {"from", "to"})
    String compareForm(Authentication authentication, @PathVariable String name, @RequestParam String from,
            @RequestParam String to) {
        Project project = readable(authentication, name);
        if (from.isBlank() || to.isBlank()) {
            throw new InvalidInputException("compare needs two refs: fill in both 'from' and 'to'");
        }
        return "redirect:" + new SourceLinks(project.normalizedName()).compare(from.strip(), to.strip());
    }

    private Project readable(Authentication authentication, String name) {
        return projects.readable(callers.caller(authentication), name);
    }

    private Project show(Authentication authentication, String name, Model model) {
        Project project = readable(authentication, name);
        model.addAttribute("project", project);
        model.addAttribute("links", new SourceLinks(project.normalizedName()));
        return project;
    }
}
