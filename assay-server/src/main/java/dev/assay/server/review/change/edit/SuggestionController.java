package dev.assay.server.review.change.edit;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.assay.server.accounts.CallerResolver;

/** Applying a thread's suggested change: from the API (JSON) and from the change request's page (a form). */
@Controller
class SuggestionController {

    private final SuggestionApplier suggestions;
    private final CallerResolver callers;

    SuggestionController(SuggestionApplier suggestions, CallerResolver callers) {
        this.suggestions = suggestions;
        this.callers = callers;
    }

    @PostMapping("/api/v1/changes/{number}/threads/{thread}/apply-suggestion")
    @ResponseBody
    AppliedSuggestion applyFromApi(Authentication authentication, @PathVariable long number,
            @PathVariable long thread) {
        return suggestions.apply(callers.require(authentication), number, thread);
    }

    @PostMapping("/changes/{number}/threads/{thread}/apply-suggestion")
    String applyFromPage(Authentication authentication, @PathVariable long number, @PathVariable long thread) {
        AppliedSuggestion applied = suggestions.apply(callers.require(authentication), number, thread);
        return "redirect:/changes/" + applied.number() + "#thread-" + thread;
    }
}
