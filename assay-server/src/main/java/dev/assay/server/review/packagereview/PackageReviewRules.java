package dev.assay.server.review.packagereview;

import java.util.Optional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;

/**
 * Who may do what to a package review, the one place it is decided. Nobody reviews their own project (its
 * contributor and its members); taking, asking for work, rejecting and ticking the checklist need a package
 * reviewer (a member of {@code reviewers} or {@code sponsors}) or an administrator; approving a contributor's first
 * package needs a member of {@code sponsors}, who thereby sponsors them, and a sponsored contributor's later ones
 * any package reviewer or administrator; reopening a rejected review needs an administrator. A token must carry
 * the {@code review} scope (for the project, when bound to one).
 */
final class PackageReviewRules {

    /** The caller's relation to the review's project, which the rules need besides the caller. */
    record Standing(Caller caller, boolean member) {
    }

    private PackageReviewRules() {
    }

    /** Why the caller may not take this action on the review (a 403's message); empty when they may. */
    static Optional<String> refusal(ReviewAction action, Standing standing, PackageReview review) {
        Caller caller = standing.caller();
        if (!caller.credentialsAllow(TokenScope.REVIEW, review.project())) {
            return Optional.of("The API token does not allow reviewing project '" + review.projectName()
                    + "': use a token with the review scope");
        }
        if (caller.user().id() == review.contributorId() || standing.member()) {
            return Optional.of("Nobody reviews their own project: user '" + caller.name() + "' is "
                    + (caller.user().id() == review.contributorId() ? "the contributor" : "a member") + " of project '"
                    + review.projectName() + "'; another package reviewer (group reviewers or sponsors) must");
        }
        return switch (action) {
            case REOPEN -> caller.isAdmin() ? Optional.empty() : Optional.of("Reopening a rejected review needs an "
                    + "administrator; user '" + caller.name() + "' is not one");
            case APPROVE -> approvalRefusal(caller, review);
            default -> reviewsPackages(caller) ? Optional.empty() : Optional.of(label(action) + " review #"
                    + review.number() + " needs a member of the reviewers or sponsors group (or an administrator); "
                    + "user '" + caller.name() + "' is neither");
        };
    }

    /** Why the review's state does not allow the action (a 409's message); empty when it does. */
    static Optional<String> stateConflict(ReviewAction action, Caller caller, PackageReview review) {
        PackageReviewState state = review.state();
        boolean allowed = switch (action) {
            case TAKE -> state == PackageReviewState.NEW || state == PackageReviewState.NEEDS_WORK
                    || state == PackageReviewState.IN_REVIEW && !review.takenBy(caller.user().id());
            case APPROVE, NEEDS_WORK -> state == PackageReviewState.IN_REVIEW && review.takenBy(caller.user().id());
            case REJECT, CHECK -> state.isOpen();
            case REOPEN -> state == PackageReviewState.REJECTED;
        };
        if (allowed) {
            return Optional.empty();
        }
        String now = "it is " + state.key().replace('-', ' ')
                + (review.reviewer() == null ? "" : ", taken by '" + review.reviewer() + "'");
        String subject = label(action) + " review #" + review.number();
        return Optional.of(switch (action) {
            case TAKE -> state == PackageReviewState.IN_REVIEW ? "You already took review #" + review.number()
                    : subject + " needs it open; " + now;
            case APPROVE, NEEDS_WORK -> subject + " needs it in review and taken by you; " + now
                    + (state.isOpen() ? ": take it first" : "");
            case REOPEN -> "Only a rejected review can be reopened; review #" + review.number() + " " + now.substring(3);
            default -> subject + " needs it open; " + now;
        });
    }

    private static Optional<String> approvalRefusal(Caller caller, PackageReview review) {
        if (review.sponsorNeeded()) {
            return caller.user().isSponsor() ? Optional.empty()
                    : Optional.of("Approving the first package of contributor '" + review.contributor() + "' needs a "
                            + "member of the sponsors group, who then sponsors them; user '" + caller.name()
                            + "' is not one");
        }
        return reviewsPackages(caller) ? Optional.empty() : Optional.of("Approving review #" + review.number()
                + " needs a member of the reviewers or sponsors group (or an administrator); user '" + caller.name()
                + "' is neither");
    }

    private static boolean reviewsPackages(Caller caller) {
        return caller.user().isPackageReviewer() || caller.isAdmin();
    }

    private static String label(ReviewAction action) {
        return switch (action) {
            case TAKE -> "Taking";
            case APPROVE -> "Approving";
            case NEEDS_WORK -> "Asking for work on";
            case REJECT -> "Rejecting";
            case REOPEN -> "Reopening";
            case CHECK -> "Ticking the checklist of";
        };
    }
}
