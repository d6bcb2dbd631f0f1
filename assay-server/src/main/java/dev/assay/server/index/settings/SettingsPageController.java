package dev.assay.server.index.settings;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;

/** {@code /project/<name>/settings}: owners and administrators make the project public or private (CSRF form). */
@Controller
@RequestMapping("/project/{project}/settings")
class SettingsPageController {

    private final VisibilitySettings settings;
    private final CallerResolver callers;

    SettingsPageController(VisibilitySettings settings, CallerResolver callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        model.addAttribute("project", settings.forSettings(callers.require(authentication), project));
        model.addAttribute("indexUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/simple/")
                .toUriString().replaceFirst("://", "://__token__:TOKEN@"));
        return "index/settings/settings";
    }

    @PostMapping("/visibility")
    String changeVisibility(Authentication authentication, @PathVariable String project,
            @RequestParam(defaultValue = "") String visibility, RedirectAttributes redirect) {
        try {
            Project changed = settings.change(callers.require(authentication), project, visibility);
            redirect.addFlashAttribute("notice", "The project is now " + changed.visibility().key() + ".");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/project/{project}/settings";
    }
}
