package dev.assay.server.review.change.gate;


import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.vote.Votes;
import dev.assay.server.web.FormOutcomes;

/**
 * The CSRF forms of the gate panel: {@code POST /changes/N/vote} ({@code vote=approve|needs-work|withdraw}) and
 * {@code POST /changes/N/merge} ({@code method}); both go back to {@code /changes/N} with a notice or the refusal.
 */
@Controller
@RequestMapping("/changes/{number}")
class MergeFormController {

    private final Votes votes;
    private final Merges merges;
    private final CallerResolver callers;

    MergeFormController(Votes votes, Merges merges, CallerResolver callers) {
        this.votes = votes;
        this.merges = merges;
        this.callers = callers;
    }

    @PostMapping("/vote")
    String vote(Authentication authentication, @PathVariable long number,
            @RequestParam(defaultValue = "") String vote, RedirectAttributes redirect) {
        Caller caller = callers.require(authentication);
        return FormOutcomes.redirect("/changes/" + number, redirect, () -> {
            if ("withdraw".equals(vote)) {
                votes.withdraw(caller, number);
                return "Your vote is withdrawn.";
            }
            votes.cast(caller, number, vote);
            return "You voted " + vote.replace('-', ' ') + ".";
        });
    }

    @PostMapping("/merge")
    String merge(Authentication authentication, @PathVariable long number,
            @RequestParam(required = false) String method, RedirectAttributes redirect) {
        Caller caller = callers.require(authentication);
        return FormOutcomes.redirect("/changes/" + number, redirect, () -> {
            ChangeRequest merged = merges.merge(caller, number, method);
            return "Change request #" + number + " is merged into " + merged.targetBranch() + " as "
                    + merged.mergedCommit().orElse("") + ".";
        });
    }

}
