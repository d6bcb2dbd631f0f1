package dev.assay.server.review.releasegate;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;

/**
 * {@code /project/<name>/settings/release-gate}: whether a new release leaves review automatically once its checks
 * (and its dependents' re-tests) pass, changed by the project's owners, maintainers and administrators (CSRF form).
 */
@Controller
@RequestMapping("/project/{project}/settings/release-gate")
class ReleaseGatePageController {

    private final ReleaseGates gates;
    private final CallerResolver callers;

    ReleaseGatePageController(ReleaseGates gates, CallerResolver callers) {
        this.gates = gates;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        Project shown = gates.forSettings(callers.require(authentication), project);
        model.addAttribute("project", shown);
        model.addAttribute("mode", gates.mode(shown).key());
        model.addAttribute("modes", Arrays.stream(GateMode.values()).map(GateMode::key).toList());
        return "review/releasegate/settings";
    }

    @PostMapping
    String change(Authentication authentication, @PathVariable String project,
            @RequestParam(required = false) String mode, RedirectAttributes redirect) {
        try {
            gates.change(callers.require(authentication), project, mode);
            redirect.addFlashAttribute("notice", "The release gate is saved.");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/project/{project}/settings/release-gate";
    }
}
