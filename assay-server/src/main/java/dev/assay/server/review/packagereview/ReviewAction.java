package dev.assay.server.review.packagereview;

import java.util.Locale;

/** What a package reviewer (or an administrator) does to a review; each is a POST of the API and a form. */
public enum ReviewAction {
    /** Become the review's reviewer: new, needs work, or in review by someone else → in review ({@code ?}). */
    TAKE("taken"),
    /** In review, by its reviewer → approved ({@code +}): the hold is lifted, the release is public. */
    APPROVE("approved"),
    /** In review, by its reviewer, with a reason → needs work ({@code -}); a new iteration puts it back in review. */
    NEEDS_WORK("needs-work"),
    /** Any open state, with a reason → rejected ({@code -}), final unless an administrator reopens it. */
    REJECT("rejected"),
    /** Rejected, by an administrator → new, with nobody as reviewer. */
    REOPEN("reopened"),
    /** Tick an item of the manual checklist of an open review. */
    CHECK("checked");

    private final String event;

    ReviewAction(String event) {
        this.event = event;
    }

    /** The action's name in paths: {@code take}, {@code approve}, {@code needs-work}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The timeline entry the action records. */
    public String event() {
        return event;
    }

    /** Whether the action needs a reason. */
    public boolean needsReason() {
        return this == NEEDS_WORK || this == REJECT;
    }
}
