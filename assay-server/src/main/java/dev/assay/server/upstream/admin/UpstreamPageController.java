package dev.assay.server.upstream.admin;

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
import dev.assay.server.upstream.admin.UpstreamViews.RuleView;
import dev.assay.server.upstream.admin.UpstreamViews.UpstreamView;
import dev.assay.server.upstream.config.NewUpstream;
import dev.assay.server.upstream.config.UpstreamChange;
import dev.assay.server.upstream.config.Upstreams;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRules;
import dev.assay.server.web.FormOutcomes;

/** {@code /admin/upstreams}: the page where administrators configure upstream indexes and name rules. */
@Controller
@RequestMapping("/admin/upstreams")
class UpstreamPageController {

    private static final String PAGE = "/admin/upstreams";

    private final Upstreams upstreams;
    private final NameRules rules;
    private final CallerResolver callers;

    UpstreamPageController(Upstreams upstreams, NameRules rules, CallerResolver callers) {
        this.upstreams = upstreams;
        this.rules = rules;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, Model model) {
        Caller caller = callers.require(authentication);
        model.addAttribute("upstreams", upstreams.list(caller).stream().map(UpstreamView::of).toList());
        model.addAttribute("rules", rules.list(caller).stream().map(RuleView::of).toList());
        model.addAttribute("maxPriority", Upstreams.MAX_PRIORITY);
        model.addAttribute("maxQuarantineDays", Upstreams.MAX_QUARANTINE_DAYS);
        model.addAttribute("maxPatternLength", NameRules.MAX_PATTERN_LENGTH);
        model.addAttribute("maxReasonLength", NameRules.MAX_REASON_LENGTH);
        return "upstream/admin";
    }

    @PostMapping
    String add(Authentication authentication, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String quarantineDays,
            @RequestParam(defaultValue = "false") boolean vetNewFiles, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> "Added the upstream " + upstreams.add(
                callers.require(authentication), new NewUpstream(url, username, password, number("priority", priority),
                        number("quarantine days", quarantineDays), vetNewFiles)).url());
    }

    @PostMapping("/{id}")
    String change(Authentication authentication, @PathVariable long id,
            @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String quarantineDays,
            @RequestParam(defaultValue = "false") boolean vetNewFiles, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> "Changed the upstream " + upstreams.change(
                callers.require(authentication), id, new UpstreamChange(number("priority", priority),
                        number("quarantine days", quarantineDays), null, null, null, vetNewFiles)).url());
    }

    @PostMapping("/{id}/enabled")
    String enable(Authentication authentication, @PathVariable long id, @RequestParam(defaultValue = "") String enabled,
            RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> {
            var changed = upstreams.change(callers.require(authentication), id,
                    new UpstreamChange(null, null, "true".equals(enabled), null, null, null));
            return (changed.enabled() ? "Enabled " : "Disabled ") + "the upstream " + changed.url();
        });
    }

    @PostMapping("/{id}/credentials")
    String credentials(Authentication authentication, @PathVariable long id,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> {
            var changed = upstreams.change(callers.require(authentication), id,
                    new UpstreamChange(null, null, null, username, password, null));
            return changed.username().map(user -> "The upstream " + changed.url() + " now signs in as " + user)
                    .orElse("The upstream " + changed.url() + " now has no credentials");
        });
    }

    @PostMapping("/{id}/delete")
    String remove(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> {
            upstreams.remove(callers.require(authentication), id);
            return "The upstream was removed.";
        });
    }

    @PostMapping("/rules")
    String addRule(Authentication authentication, @RequestParam(defaultValue = "") String pattern,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> {
            var added = rules.add(callers.require(authentication), pattern, action, reason);
            return (added.action() == NameRule.Action.DENY ? "Reserved " : "Allowed ")
                    + added.pattern() + (added.action() == NameRule.Action.DENY
                            ? ": it never comes from upstream" : " from upstream");
        });
    }

    @PostMapping("/rules/{id}/delete")
    String removeRule(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> {
            rules.remove(callers.require(authentication), id);
            return "The rule was removed.";
        });
    }

    // A number field of a form: empty means left out; anything else must be a whole number.
    private static Integer number(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException("The " + field + " must be a whole number");
        }
    }
}
