package dev.assay.server.accounts.pages;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.accounts.User;
import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.CreatedToken;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.error.AssayException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;

/** The signed-in user's profile: their details, password and API tokens; and public profiles. */
@Controller
class ProfileController {

    private final AccountService accounts;
    private final TokenService tokens;
    private final ProjectService projects;
    private final CallerResolver callers;
    private final List<ProfileSection> sections;

    ProfileController(AccountService accounts, TokenService tokens, ProjectService projects, CallerResolver callers,
            List<ProfileSection> sections) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.projects = projects;
        this.callers = callers;
        this.sections = sections;
    }

    @GetMapping("/profile")
    String profile(Principal principal, Authentication authentication, Model model) {
        User user = accounts.user(principal.getName());
        model.addAttribute("user", user);
        model.addAttribute("projects", projects.memberProjects(user.id(), callers.caller(authentication)));
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("scopes", tokens.grantableScopes(principal.getName()));
        return "accounts/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(Principal principal, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String project,
            @RequestParam(name = "scope", defaultValue = "") List<String> scopeKeys, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
            scopeKeys.stream().filter(key -> !key.isBlank()).forEach(key -> scopes.add(TokenScope.ofKey(key)));
            CreatedToken created = tokens.create(new NewToken(principal.getName(), description, project, scopes));
            // the secret alone: a flash attribute lives in the session, which several servers keep in the database
            // and so must be serializable; it is taken out again by the next page
            redirect.addFlashAttribute("createdSecret", created.secret());
        });
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            ApiToken revoked = tokens.revoke(id, accounts.user(principal.getName()));
            redirect.addFlashAttribute("notice", "Token " + revoked.prefix() + "… was revoked.");
        });
    }

    @PostMapping("/profile/password")
    String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, RedirectAttributes redirect) {
        return afterChange(redirect, () -> {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("the new password and its confirmation differ");
            }
            accounts.changePassword(principal.getName(), currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "Your password was changed.");
        });
    }

    /**
     * A person's page: who they are and the projects they hold a role on that the viewer may read. Their reviews
     * (as author and reviewer) and sponsorships join as the model attributes {@code reviews} and
     * {@code sponsorships}, shown by the spot marked in accounts/user.html.
     */
    @GetMapping("/users/{name}")
    String publicProfile(@PathVariable String name, Authentication authentication, Model model) {
        User user = accounts.user(name);
        model.addAttribute("user", user);
        Optional<Caller> viewer = callers.caller(authentication);
        model.addAttribute("projects", projects.memberProjects(user.id(), viewer));
        sections.forEach(section -> section.addTo(user, viewer, model));
        return "accounts/user";
    }

    /** Runs a change and returns to the profile, carrying a failure's message to show above the form. */
    private static String afterChange(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (AssayException failure) {
            redirect.addFlashAttribute("problem", failure.getMessage());
        }
        return "redirect:/profile";
    }
}
