package dev.assay.server.pipeline.matrix;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

/**
 * {@code /project/<name>/settings/pythons}: the Python versions the project's pipelines test, changed by its owners,
 * maintainers and administrators (CSRF form).
 */
@Controller
@RequestMapping("/project/{project}/settings/pythons")
class ProjectPythonsPageController {

    private final ProjectPythons pythons;
    private final CallerResolver callers;

    ProjectPythonsPageController(ProjectPythons pythons, CallerResolver callers) {
        this.pythons = pythons;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        model.addAttribute("choice", pythons.show(Optional.of(callers.require(authentication)), project));
        return "pipeline/pythons";
    }

    @PostMapping
    String change(Authentication authentication, @PathVariable String project,
            @RequestParam(defaultValue = "") String versions, RedirectAttributes redirect) {
        try {
            ProjectPythons.Choice changed = pythons.change(callers.require(authentication), project, split(versions));
            redirect.addFlashAttribute("notice", changed.chosen().isEmpty()
                    ? "The project tests every Python version an online worker offers."
                    : "The project tests Python " + String.join(", ", changed.chosen()) + ".");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/project/{project}/settings/pythons";
    }

    private static List<String> split(String versions) {
        return Arrays.stream(versions.split("[\\s,]+")).filter(version -> !version.isBlank()).toList();
    }
}
