package dev.assay.server.review.packagereview.pages;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.packagereview.ReviewAction;
import dev.assay.server.review.packagereview.ReviewFilter;
import dev.assay.server.review.packagereview.checklist.ChecklistMark;
import dev.assay.server.review.packagereview.checklist.ChecklistService;

/**
 * {@code /api/v1/reviews}: the list (filters {@code state}, {@code mine}, {@code waiting-for-me},
 * {@code sponsor-needed}, with counts), one review, and its actions ({@code POST .../take}, {@code approve},
 * {@code needs-work}, {@code reject} with {@code {"reason": "..."}}, {@code reopen}) and checklist ticks.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewApiController {

    /** The body of an action; {@code reason} is required to ask for work or to reject. */
    record ActionRequest(String reason) {
    }

    /** The body of a checklist tick. */
    record MarkRequest(String verdict, String comment) {
    }

    private final PackageReviewService reviews;
    private final ReviewDetails details;
    private final ChecklistService checklist;
    private final CallerResolver callers;

    ReviewApiController(PackageReviewService reviews, ReviewDetails details, ChecklistService checklist,
            CallerResolver callers) {
        this.reviews = reviews;
        this.details = details;
        this.checklist = checklist;
        this.callers = callers;
    }

    @GetMapping
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "the reviews in this state (default: open ones)",
            schema = @Schema(type = "string"))
    @Parameter(name = "mine", in = ParameterIn.QUERY, description = "true: the caller's own (as contributor or reviewer)",
            schema = @Schema(type = "boolean"))
    @Parameter(name = "waiting-for-me", in = ParameterIn.QUERY, description = "true: the reviews waiting for the caller",
            schema = @Schema(type = "boolean"))
    @Parameter(name = "sponsor-needed", in = ParameterIn.QUERY, description = "true: the reviews that need a sponsor",
            schema = @Schema(type = "boolean"))
    ReviewListView list(Authentication authentication,
            @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        return ReviewListView.of(reviews.list(callers.caller(authentication), ReviewFilter.fromQuery(query)));
    }

    @GetMapping("/{number}")
    ReviewDetail show(Authentication authentication, @PathVariable long number) {
        return details.detail(callers.caller(authentication), number);
    }

    @PostMapping("/{number}/take")
    ReviewDetail take(Authentication authentication, @PathVariable long number) {
        return act(authentication, number, ReviewAction.TAKE, null);
    }

    @PostMapping("/{number}/approve")
    ReviewDetail approve(Authentication authentication, @PathVariable long number) {
        return act(authentication, number, ReviewAction.APPROVE, null);
    }

    @PostMapping("/{number}/needs-work")
    ReviewDetail needsWork(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) ActionRequest request) {
        return act(authentication, number, ReviewAction.NEEDS_WORK, request);
    }

    @PostMapping("/{number}/reject")
    ReviewDetail reject(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) ActionRequest request) {
        return act(authentication, number, ReviewAction.REJECT, request);
    }

    @PostMapping("/{number}/reopen")
    ReviewDetail reopen(Authentication authentication, @PathVariable long number) {
        return act(authentication, number, ReviewAction.REOPEN, null);
    }

    @PostMapping("/{number}/checklist/{item}")
    List<ChecklistMark> mark(Authentication authentication, @PathVariable long number, @PathVariable long item,
            @RequestBody(required = false) MarkRequest request) {
        return checklist.mark(callers.require(authentication), number, item,
                request == null ? null : request.verdict(), request == null ? null : request.comment());
    }

    private ReviewDetail act(Authentication authentication, long number, ReviewAction action, ActionRequest request) {
        reviews.act(callers.require(authentication), number, action, request == null ? null : request.reason());
        return details.detail(callers.caller(authentication), number);
    }
}
