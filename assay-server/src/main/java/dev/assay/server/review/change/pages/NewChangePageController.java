package dev.assay.server.review.change.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.AssayException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.SourceOverview;
import dev.assay.server.git.browse.SourceRef;
import dev.assay.server.git.browse.SourceService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequests;

/** {@code /project/NAME/changes/new}: the form opening a change request from one branch into another. */
@Controller
class NewChangePageController {

    private final ChangeRequests opener;
    private final ChangeRequestAccess access;
    private final ProjectService projects;
    private final SourceService sources;
    private final CallerResolver callers;

    NewChangePageController(ChangeRequests opener, ChangeRequestAccess access, ProjectService projects,
            SourceService sources, CallerResolver callers) {
        this.opener = opener;
        this.access = access;
        this.projects = projects;
        this.sources = sources;
        this.callers = callers;
    }

    @GetMapping("/project/{name}/changes/new")
    String form(Authentication authentication, @PathVariable String name, Model model) {
        Caller caller = callers.require(authentication);
        Project project = projects.readable(Optional.of(caller), name);
        access.checkMayReview(caller, project);
        return form(project, model, "", "", Optional.empty(), Optional.empty(), null);
    }

    @PostMapping("/project/{name}/changes")
    String open(Authentication authentication, @PathVariable String name,
            @RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) String source, @RequestParam(required = false) String target,
            Model model) {
        Caller caller = callers.require(authentication);
        Project project = projects.readable(Optional.of(caller), name);
        try {
            ChangeRequest opened = opener.open(caller, project,
                    ChangeRequests.Opening.fromBranch(title, description, source, target));
            return "redirect:/changes/" + opened.number();
        } catch (NotFoundException missing) {
            throw missing;
        } catch (AssayException refused) {
            return form(project, model, title, description, Optional.ofNullable(source), Optional.ofNullable(target),
                    refused.getMessage());
        }
    }

    private String form(Project project, Model model, String title, String description, Optional<String> source,
            Optional<String> target, String problem) {
        Optional<SourceOverview> overview = sources.overview(project);
        List<String> branches = overview.map(found -> found.branches().stream().map(SourceRef::name).toList())
                .orElse(List.of());
        String defaultBranch = overview.map(SourceOverview::defaultBranch).orElse(null);
        model.addAttribute("project", project);
        model.addAttribute("branches", branches);
        model.addAttribute("source", source.orElse(branches.stream().filter(branch -> !branch.equals(defaultBranch))
                .findFirst().orElse("")));
        model.addAttribute("target", target.orElse(defaultBranch == null ? "" : defaultBranch));
        model.addAttribute("title", title == null ? "" : title);
        model.addAttribute("description", description == null ? "" : description);
        model.addAttribute("problem", problem);
        return "review/change/new";
    }
}
