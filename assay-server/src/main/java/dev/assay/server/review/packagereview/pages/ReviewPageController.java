package dev.assay.server.review.packagereview.pages;

import java.util.Map;
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

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.notify.WatchService;
import dev.assay.server.review.packagereview.PackageReview;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.packagereview.PackageReviewState;
import dev.assay.server.review.packagereview.ReviewAction;
import dev.assay.server.review.packagereview.ReviewFilter;
import dev.assay.server.review.packagereview.checklist.ChecklistService;
import dev.assay.server.review.thread.ThreadService;
import dev.assay.server.web.FormOutcomes;

/**
 * {@code /reviews} (the list, with its filters and counts) and {@code /reviews/N} (one review), with the actions
 * and the checklist ticks as CSRF forms posted to {@code /reviews/N/ACTION} and {@code /reviews/N/checklist/ITEM}.
 */
@Controller
@RequestMapping("/reviews")
class ReviewPageController {

    private final PackageReviewService reviews;
    private final ReviewDetails details;
    private final ChecklistService checklist;
    private final CallerResolver callers;
    private final ThreadService threads;
    private final WatchService watching;

    ReviewPageController(PackageReviewService reviews, ReviewDetails details, ChecklistService checklist,
            CallerResolver callers, ThreadService threads, WatchService watching) {
        this.reviews = reviews;
        this.details = details;
        this.checklist = checklist;
        this.callers = callers;
        this.threads = threads;
        this.watching = watching;
    }

    @GetMapping
    String list(Authentication authentication, @RequestParam Map<String, String> query, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        ReviewFilter filter = ReviewFilter.fromQuery(query);
        model.addAttribute("list", ReviewListView.of(reviews.list(caller, filter)));
        model.addAttribute("filter", filter);
        model.addAttribute("states", PackageReviewState.values());
        model.addAttribute("signedIn", caller.isPresent());
        return "review/packagereview/reviews";
    }

    @GetMapping("/{number}")
    String review(Authentication authentication, @PathVariable long number, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        model.addAttribute("review", details.detail(caller, number));
        model.addAttribute("c", threads.conversation(caller, number, Optional.empty()));
        model.addAttribute("back", "/reviews/" + number);
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("viewer", caller);
        model.addAttribute("watching", watching.watchesDiscussion(caller, number));
        return "review/packagereview/review";
    }

    @PostMapping("/{number}/{action}")
    String act(Authentication authentication, @PathVariable long number, @PathVariable String action,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        ReviewAction chosen = actionOf(action, number);
        Caller caller = callers.require(authentication);
        return FormOutcomes.redirect("/reviews/" + number, redirect, () -> {
            PackageReview changed = reviews.act(caller, number, chosen, reason);
            return "Review #" + number + " is now " + changed.state().key().replace('-', ' ') + ".";
        });
    }

    @PostMapping("/{number}/checklist/{item}")
    String mark(Authentication authentication, @PathVariable long number, @PathVariable long item,
            @RequestParam(required = false) String verdict, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Caller caller = callers.require(authentication);
        return FormOutcomes.redirect("/reviews/" + number, redirect, () -> {
            checklist.mark(caller, number, item, verdict, comment);
            return "Checklist item ticked.";
        });
    }

    private static ReviewAction actionOf(String key, long number) {
        for (ReviewAction action : ReviewAction.values()) {
            if (action != ReviewAction.CHECK && action.key().equals(key)) {
                return action;
            }
        }
        throw new NotFoundException("there is no action '" + key + "' on package review #" + number);
    }
}
