package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.User;
import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.TokenScope;

/** Who may take which action on a package review, and in which states, decided without a server. */
class PackageReviewRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Caller caller(long id, String name, Group... groups) {
        return new Caller(new User(id, name, name + "@example.org", "", NOW, Set.of(groups)), Optional.empty());
    }

    private static Caller withToken(Caller caller, String project, TokenScope... scopes) {
        return new Caller(caller.user(), Optional.of(new ApiToken(1, caller.name(), "", "assay_x", Optional.ofNullable(project),
                Set.of(scopes), NOW, Optional.empty(), Optional.empty())));
    }

    private static PackageReview review(PackageReviewState state, Long reviewer, boolean sponsorNeeded) {
        return new PackageReview(7, 1, "tinycalc", "TinyCalc", state, 10, "carol", reviewer,
                reviewer == null ? null : "someone", null, sponsorNeeded, NOW, NOW);
    }

    private static Optional<String> refusal(ReviewAction action, Caller caller, PackageReview review) {
        return PackageReviewRules.refusal(action, new PackageReviewRules.Standing(caller, false), review);
    }

    private final Caller carol = caller(10, "carol");
    private final Caller rita = caller(20, "rita", Group.REVIEWERS);
    private final Caller spencer = caller(30, "spencer", Group.SPONSORS);
    private final Caller ada = caller(40, "ada", Group.ADMINS);
    private final Caller sam = caller(50, "sam");

    @Test
    void aFirstPackageIsApprovedOnlyByASponsorAndALaterOneByAnyPackageReviewerOrAdministrator() {
        PackageReview first = review(PackageReviewState.IN_REVIEW, 20L, true);
        PackageReview later = review(PackageReviewState.IN_REVIEW, 20L, false);

        assertThat(refusal(ReviewAction.APPROVE, rita, first)).hasValueSatisfying(message ->
                assertThat(message).contains("first package of contributor 'carol'", "sponsors group", "'rita'"));
        assertThat(refusal(ReviewAction.APPROVE, ada, first)).isPresent();
        assertThat(refusal(ReviewAction.APPROVE, spencer, first)).isEmpty();
        assertThat(refusal(ReviewAction.APPROVE, rita, later)).isEmpty();
        assertThat(refusal(ReviewAction.APPROVE, ada, later)).isEmpty();
        assertThat(refusal(ReviewAction.APPROVE, sam, later)).hasValueSatisfying(message ->
                assertThat(message).contains("reviewers or sponsors group"));
    }

    @Test
    void nobodyReviewsTheirOwnProjectAndATokenNeedsTheReviewScopeForIt() {
        PackageReview open = review(PackageReviewState.NEW, null, false);

        assertThat(refusal(ReviewAction.TAKE, carol, open)).hasValueSatisfying(message ->
                assertThat(message).contains("Nobody reviews their own project", "the contributor"));
        assertThat(PackageReviewRules.refusal(ReviewAction.TAKE, new PackageReviewRules.Standing(spencer, true), open))
                .hasValueSatisfying(message -> assertThat(message).contains("a member of project 'TinyCalc'"));
        assertThat(refusal(ReviewAction.TAKE, withToken(rita, null, TokenScope.UPLOAD), open))
                .hasValueSatisfying(message -> assertThat(message).contains("review scope"));
        assertThat(refusal(ReviewAction.TAKE, withToken(rita, "other", TokenScope.REVIEW), open)).isPresent();
        assertThat(refusal(ReviewAction.TAKE, withToken(rita, "tinycalc", TokenScope.REVIEW), open)).isEmpty();
        assertThat(refusal(ReviewAction.REOPEN, withToken(ada, null, TokenScope.REVIEW), open))
                .as("a token never carries administrator rights").isPresent();
    }

    @Test
    void statesAllowOnlyTheirTransitions() {
        PackageReview fresh = review(PackageReviewState.NEW, null, false);
        PackageReview takenByRita = review(PackageReviewState.IN_REVIEW, 20L, false);
        PackageReview needsWork = review(PackageReviewState.NEEDS_WORK, 20L, false);
        PackageReview rejected = review(PackageReviewState.REJECTED, 20L, false);
        PackageReview approved = review(PackageReviewState.APPROVED, 20L, false);

        assertThat(PackageReviewRules.stateConflict(ReviewAction.APPROVE, rita, fresh)).hasValueSatisfying(message ->
                assertThat(message).contains("take it first"));
        assertThat(PackageReviewRules.stateConflict(ReviewAction.APPROVE, rita, takenByRita)).isEmpty();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.APPROVE, spencer, takenByRita)).isPresent();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.TAKE, spencer, takenByRita)).isEmpty();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.TAKE, rita, takenByRita)).hasValueSatisfying(message ->
                assertThat(message).contains("already took"));
        assertThat(PackageReviewRules.stateConflict(ReviewAction.TAKE, spencer, needsWork)).isEmpty();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.REJECT, spencer, needsWork)).isEmpty();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.TAKE, spencer, rejected)).isPresent();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.REOPEN, ada, rejected)).isEmpty();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.REOPEN, ada, approved)).isPresent();
        assertThat(PackageReviewRules.stateConflict(ReviewAction.CHECK, rita, approved)).isPresent();
    }
}
