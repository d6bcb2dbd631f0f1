package dev.assay.server.git.mirror;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.ProjectService;

/**
 * {@code /project/<name>/mirrors}: the push mirrors with their last result, for owners, maintainers and
 * administrators; owners and administrators add and remove them with CSRF-protected forms.
 */
@Controller
@RequestMapping("/project/{project}/mirrors")
class MirrorPageController {

    private final MirrorService mirrors;
    private final ProjectService projects;
    private final CallerResolver callers;

    MirrorPageController(MirrorService mirrors, ProjectService projects, CallerResolver callers) {
        this.mirrors = mirrors;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        Caller caller = callers.require(authentication);
        model.addAttribute("mirrors", mirrors.list(caller, project));
        model.addAttribute("project", projects.project(project));
        model.addAttribute("mayConfigure", mirrors.mayConfigure(caller, project));
        model.addAttribute("maxUrlLength", MirrorUrl.MAX_LENGTH);
        return "git/mirrors";
    }

    @PostMapping
    String add(Authentication authentication, @PathVariable String project,
            @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        try {
            MirrorView added = mirrors.add(callers.require(authentication), project, url);
            redirect.addFlashAttribute("notice", "Mirror " + added.url() + " added: the next push goes to it.");
        } catch (ConflictException | InvalidInputException failure) {
            redirect.addFlashAttribute("problem", failure.getMessage());
        }
        return "redirect:/project/{project}/mirrors";
    }

    @PostMapping("/{id}/delete")
    String remove(Authentication authentication, @PathVariable String project, @PathVariable long id,
            RedirectAttributes redirect) {
        try {
            MirrorView removed = mirrors.remove(callers.require(authentication), project, id);
            redirect.addFlashAttribute("notice", "Mirror " + removed.url() + " removed; the remote was left as it is.");
        } catch (NotFoundException failure) {
            redirect.addFlashAttribute("problem", failure.getMessage());
        }
        return "redirect:/project/{project}/mirrors";
    }
}
