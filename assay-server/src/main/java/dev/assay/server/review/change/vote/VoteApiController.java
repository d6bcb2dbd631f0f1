package dev.assay.server.review.change.vote;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code /api/v1/changes/N/votes} (the votes) and {@code /api/v1/changes/N/vote}: {@code PUT {"vote": "approve" |
 * "needs-work"}} casts or replaces the caller's vote, {@code DELETE} withdraws it; both answer the votes.
 */
@RestController
@RequestMapping("/api/v1/changes/{number}")
class VoteApiController {

    /** The body of a vote. */
    record VoteRequest(String vote) {
    }

    /** The votes of a change request, oldest first. */
    record VoteList(long number, List<Vote> votes) {
    }

    private final Votes votes;
    private final CallerResolver callers;

    VoteApiController(Votes votes, CallerResolver callers) {
        this.votes = votes;
        this.callers = callers;
    }

    @GetMapping("/votes")
    VoteList list(Authentication authentication, @PathVariable long number) {
        return new VoteList(number, votes.list(callers.caller(authentication), number));
    }

    @PutMapping("/vote")
    VoteList cast(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) VoteRequest request) {
        return new VoteList(number, votes.cast(callers.require(authentication), number,
                request == null ? null : request.vote()));
    }

    @DeleteMapping("/vote")
    VoteList withdraw(Authentication authentication, @PathVariable long number) {
        return new VoteList(number, votes.withdraw(callers.require(authentication), number));
    }
}
