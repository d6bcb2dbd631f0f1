package dev.assay.server.pipeline.behaviour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * {@code /project/<name>/settings/behaviour}: what a new behaviour of each kind does to a release (hold, warn,
 * ignore), changed by the project's owners, maintainers and administrators (CSRF form).
 */
@Controller
@RequestMapping("/project/{project}/settings/behaviour")
class BehaviourPolicyPageController {

    private final BehaviourPolicies policies;
    private final CallerResolver callers;

    BehaviourPolicyPageController(BehaviourPolicies policies, CallerResolver callers) {
        this.policies = policies;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        Project shown = policies.forSettings(callers.require(authentication), project);
        model.addAttribute("project", shown);
        model.addAttribute("policy", policies.keys(shown));
        model.addAttribute("actions", List.of("hold", "warn", "ignore"));
        return "pipeline/behaviour/policy";
    }

    @PostMapping
    String change(Authentication authentication, @PathVariable String project,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> changes = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("kind-")) {
                changes.put(name.substring("kind-".length()), value);
            }
        });
        try {
            policies.change(callers.require(authentication), project, changes);
            redirect.addFlashAttribute("notice", "The behaviour policy is saved.");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/project/{project}/settings/behaviour";
    }
}
