package dev.assay.server.review.change.gate;

import java.util.List;

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
import dev.assay.server.index.ProjectService;

/**
 * {@code /project/P/merge-gates}: the "Merging" settings of a project for its owners and administrators, a CSRF
 * form per protected or configured branch and one for any branch named.
 */
@Controller
@RequestMapping("/project/{project}/merge-gates")
class MergeGateSettingsController {

    private final MergeGates gates;
    private final ProjectService projects;
    private final CallerResolver callers;

    MergeGateSettingsController(MergeGates gates, ProjectService projects, CallerResolver callers) {
        this.gates = gates;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        model.addAttribute("gates", gates.forSettings(callers.require(authentication), project));
        model.addAttribute("project", projects.project(project));
        model.addAttribute("methods", MergeMethod.values());
        model.addAttribute("maxApprovals", MergeGate.MAX_APPROVALS);
        return "review/change/gate-settings";
    }

    @PostMapping
    String save(Authentication authentication, @PathVariable String project,
            @RequestParam(defaultValue = "") String branch, @RequestParam(defaultValue = "") String requiredApprovals,
            @RequestParam(required = false) String requireResolved, @RequestParam(required = false) String requireGreen,
            @RequestParam(required = false) List<String> methods, @RequestParam(required = false) String keepVotes,
            RedirectAttributes redirect) {
        try {
            MergeGate saved = gates.put(callers.require(authentication), project, branch, new MergeGates.GateChange(
                    approvals(requiredApprovals), requireResolved != null, requireGreen != null,
                    methods == null ? List.of() : methods, keepVotes != null));
            redirect.addFlashAttribute("notice", "The merge gate of '" + saved.branch() + "' is saved.");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/project/{project}/merge-gates";
    }

    private static Integer approvals(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException("Required approvals must be a number from 0 to " + MergeGate.MAX_APPROVALS
                    + ", got '" + typed + "'");
        }
    }
}
