package dev.assay.server.git.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.GitReader;
import dev.assay.server.git.GitViews;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * {@code /project/<name>/branches}: the repository's branches and the protected names, each with a checkbox
 * "protected" and one "changes only through change requests"; readers see them, owners and administrators change
 * them with a CSRF-protected form (fields {@code protected:<branch>}, {@code changes-only:<branch>}, {@code add}).
 */
@Controller
@RequestMapping("/project/{project}/branches")
class ProtectedBranchPageController {

    private static final String PROTECTED = "protected:";
    private static final String CHANGES_ONLY = "changes-only:";

    /** One row of the page. */
    record BranchRow(String name, boolean isProtected, boolean changesOnly, boolean exists) {
    }

    private final BranchProtection protection;
    private final GitReader reader;
    private final ProjectService projects;
    private final CallerResolver callers;

    ProtectedBranchPageController(BranchProtection protection, GitReader reader, ProjectService projects,
            CallerResolver callers) {
        this.protection = protection;
        this.reader = reader;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        Project found = projects.readable(caller, project);
        ProtectedBranches settings = protection.list(found.normalizedName());
        List<String> existing = reader.branches(found.normalizedName()).stream().map(GitViews.Branch::name).toList();
        TreeSet<String> names = new TreeSet<>(existing);
        names.addAll(settings.branches());
        List<BranchRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new BranchRow(name, settings.branches().contains(name), settings.changesOnly().contains(name),
                    existing.contains(name)));
        }
        model.addAttribute("project", found);
        model.addAttribute("rows", rows);
        model.addAttribute("mayConfigure", projects.mayChangeSettings(caller, found));
        return "git/branches";
    }

    @PostMapping
    String change(Authentication authentication, @PathVariable String project,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<String> branches = new ArrayList<>(named(form, PROTECTED));
        String added = form.getOrDefault("add", "").strip();
        if (!added.isEmpty()) {
            branches.add(added);
        }
        try {
            ProtectedBranches saved = protection.replace(callers.require(authentication), project, branches,
                    named(form, CHANGES_ONLY));
            redirect.addFlashAttribute("notice", "Saved: " + saved.branches().size() + " protected branches, "
                    + saved.changesOnly().size() + " of them taking changes only through change requests.");
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/project/{project}/branches";
    }

    private static List<String> named(Map<String, String> form, String prefix) {
        return form.keySet().stream().filter(key -> key.startsWith(prefix))
                .map(key -> key.substring(prefix.length())).toList();
    }
}
