package dev.assay.server.index.manage;

import java.util.function.Supplier;

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
import dev.assay.server.index.ProjectRole;

/**
 * {@code /project/<name>/manage}: the page where owners, maintainers and administrators yank and delete
 * releases and files and manage roles; every action is a CSRF-protected form that comes back with a message.
 */
@Controller
@RequestMapping("/project/{project}/manage")
class ManagePageController {

    private final ReleaseManagementService releases;
    private final RoleManagementService roles;
    private final CallerResolver callers;

    ManagePageController(ReleaseManagementService releases, RoleManagementService roles, CallerResolver callers) {
        this.releases = releases;
        this.roles = roles;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable String project, Model model) {
        model.addAttribute("overview", releases.overview(callers.require(authentication), project));
        model.addAttribute("roles", ProjectRole.values());
        model.addAttribute("maxReasonLength", ReleaseManagementService.MAX_REASON_LENGTH);
        return "index/manage/manage";
    }

    @PostMapping("/releases/{version}/yank")
    String yank(Authentication authentication, @PathVariable String project, @PathVariable String version,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            ReleaseState state = releases.yank(caller(authentication), project, version, reason);
            return "Release " + state.version() + " is yanked: installers skip it unless it is pinned exactly.";
        });
    }

    @PostMapping("/releases/{version}/unyank")
    String unyank(Authentication authentication, @PathVariable String project, @PathVariable String version,
            RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            ReleaseState state = releases.unyank(caller(authentication), project, version);
            return "Release " + state.version() + " is no longer yanked.";
        });
    }

    @PostMapping("/releases/{version}/delete")
    String deleteRelease(Authentication authentication, @PathVariable String project, @PathVariable String version,
            @RequestParam(defaultValue = "") String confirm, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            requireConfirmation(confirm, version, "the version");
            int files = releases.deleteRelease(caller(authentication), project, version).size();
            return "Release " + version + " and its " + files + " file(s) were deleted.";
        });
    }

    @PostMapping("/files/{filename}/delete")
    String deleteFile(Authentication authentication, @PathVariable String project, @PathVariable String filename,
            @RequestParam(defaultValue = "") String confirm, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            requireConfirmation(confirm, filename, "the file name");
            releases.deleteFile(caller(authentication), project, filename);
            return "File " + filename + " was deleted; its name can never be uploaded again.";
        });
    }

    @PostMapping("/roles")
    String setRole(Authentication authentication, @PathVariable String project,
            @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            MemberRole member = roles.setRole(caller(authentication), project, user.strip(), role);
            return member.user() + " is now a " + member.role() + " of the project.";
        });
    }

    @PostMapping("/roles/{user}/delete")
    String removeRole(Authentication authentication, @PathVariable String project, @PathVariable String user,
            RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            roles.removeRole(caller(authentication), project, user);
            return user + " no longer has a role on the project.";
        });
    }

    private Caller caller(Authentication authentication) {
        return callers.require(authentication);
    }

    private static void requireConfirmation(String typed, String expected, String what) {
        if (!typed.strip().equals(expected)) {
            throw new InvalidInputException("Nothing was deleted: type " + what + " '" + expected + "' to confirm");
        }
    }

    /**
     * Runs a change and returns to the page with its outcome; a refusal (403) is not a message on the page
     * but an error page, as the caller should not be on it.
     */
    private static String afterChange(RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (ConflictException | InvalidInputException | NotFoundException failure) {
            redirect.addFlashAttribute("problem", failure.getMessage());
        }
        // {project} is expanded from the request's own path variables
        return "redirect:/project/{project}/manage";
    }
}
