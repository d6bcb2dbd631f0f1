package dev.assay.server.index.create;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;

/** {@code /projects/new}: a form (CSRF-protected) for signed-in users to create an empty project. */
@Controller
@RequestMapping("/projects/new")
class CreateProjectPageController {

    private final ProjectCreation creation;
    private final CallerResolver callers;

    CreateProjectPageController(ProjectCreation creation, CallerResolver callers) {
        this.creation = creation;
        this.callers = callers;
    }

    @GetMapping
    String form(Authentication authentication, Model model) {
        callers.require(authentication);
        model.addAttribute("name", "");
        model.addAttribute("maxLength", ProjectCreation.MAX_NAME_LENGTH);
        return "index/create/new-project";
    }

    @PostMapping
    String create(Authentication authentication, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            NewProject created = creation.create(callers.require(authentication), name);
            return "redirect:" + created.page();
        } catch (InvalidInputException | ConflictException refused) {
            model.addAttribute("name", name);
            model.addAttribute("maxLength", ProjectCreation.MAX_NAME_LENGTH);
            model.addAttribute("problem", refused.getMessage());
            return "index/create/new-project";
        }
    }
}
