package dev.assay.server.git.browse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** The public history pages of a project: commit log, one commit, compare. */
@Controller
class HistoryController {

    private final ProjectService projects;
    private final HistoryService history;

    HistoryController(ProjectService projects, HistoryService history) {
        this.projects = projects;
        this.history = history;
    }

    @GetMapping("/project/{name}/source/commits/{*ref}")
    String commits(@PathVariable String name, @PathVariable String ref,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Project project = show(name, model);
        model.addAttribute("page", history.log(project, String.join("/", SourceController.segments(ref)), page));
        return "git/commits";
    }

    @GetMapping("/project/{name}/source/commit/{id}")
    String commit(@PathVariable String name, @PathVariable String id, Model model) {
        Project project = show(name, model);
        model.addAttribute("page", history.commit(project, id));
        return "git/commit";
    }

    @GetMapping("/project/{name}/source/compare/{*range}")
    String compare(@PathVariable String name, @PathVariable String range, Model model) {
        Project project = show(name, model);
        String spec = range.startsWith("/") ? range.substring(1) : range;
        int dots = spec.indexOf("...");
        if (dots <= 0 || dots + 3 >= spec.length()) {
            throw new InvalidInputException("compare needs two refs as <from>...<to>, e.g. main...feature/x");
        }
        model.addAttribute("page", history.compare(project, spec.substring(0, dots), spec.substring(dots + 3)));
        return "git/compare";
    }

    /** The compare form of the overview page submits here; the answer is the compare page's own address. */
    @GetMapping(path = "/project/{name}/source/compare", params = {"from", "to"})
    String compareForm(@PathVariable String name, @RequestParam String from, @RequestParam String to) {
        Project project = projects.project(name);
        if (from.isBlank() || to.isBlank()) {
            throw new InvalidInputException("compare needs two refs: fill in both 'from' and 'to'");
        }
        return "redirect:" + new SourceLinks(project.normalizedName()).compare(from.strip(), to.strip());
    }

    private Project show(String name, Model model) {
        Project project = projects.project(name);
        model.addAttribute("project", project);
        model.addAttribute("links", new SourceLinks(project.normalizedName()));
        return project;
    }
}
