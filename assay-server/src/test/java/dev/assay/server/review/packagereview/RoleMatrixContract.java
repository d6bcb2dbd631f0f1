package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Every review endpoint (the review's own and its threads'), called by every kind of caller, each on a review in the state the endpoint needs:
 * the status each gets (401 to anonymous writes, 404 to those who may not read the held project, 403 naming the
 * role to the others who may not, 200 to those who may).
 */
abstract class RoleMatrixContract extends ReviewFixture {

    private static final List<String> CALLERS = List.of("anonymous", "contributor", "other user", "reviewer",
            "sponsor", "admin", "token without review scope", "token with review scope");

    private Map<String, HttpApi> apis;

    @BeforeAll
    void callers() {
        apis = new LinkedHashMap<>();
        apis.put("anonymous", anonymous());
        apis.put("contributor", api("carol"));
        apis.put("other user", api("sam"));
        apis.put("reviewer", api("rita"));
        apis.put("sponsor", api("spencer"));
        apis.put("admin", api("ada"));
        apis.put("token without review scope", tokenApi(token("spencer", TokenScope.UPLOAD, TokenScope.PUSH)));
        apis.put("token with review scope", tokenApi(token("spencer", TokenScope.REVIEW)));
    }

    private long freshReview() {
        return freshReview("carol");
    }

    private long freshReview(String contributor) {
        String project = unique("matrix");
        upload(project, "1.0", contributor);
        return reviewOf(project, contributor);
    }

    /** Whether the caller may take reviews of carol's, so that a state "taken by the caller" can be arranged. */
    private static boolean takes(String caller) {
        return List.of("reviewer", "sponsor", "admin", "token with review scope").contains(caller);
    }

    /** A review of carol's taken by the caller when they may take it, otherwise by spencer. */
    private long takenReview(String caller) {
        return takenReview(caller, "carol");
    }

    private long takenReview(String caller, String contributor) {
        long review = freshReview(contributor);
        HttpApi taker = takes(caller) ? apis.get(caller) : api("spencer");
        assertThat(act(taker, review, "take", null).statusCode()).isEqualTo(200);
        return review;
    }

    private long rejectedReview() {
        long review = freshReview();
        assertThat(act(api("rita"), review, "reject", "{\"reason\":\"no\"}").statusCode()).isEqualTo(200);
        return review;
    }

    private long checklistItem() {
        JsonNode items = HttpApi.parse(api("ada").post("api/v1/review-checklist",
                "{\"section\":\"MUST\",\"text\":\"item " + unique("x") + "\"}").body());
        return items.get(items.size() - 1).get("id").asLong();
    }

    /** One row: the expected status per caller, in the order of {@link #CALLERS}. */
    private void row(String endpoint, BiFunction<String, HttpApi, HttpResponse<String>> call, int... expected) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            HttpResponse<String> response = call.apply(caller, apis.get(caller));
            if (response.statusCode() != expected[i]) {
                wrong.add(caller + " got " + response.statusCode() + " (expected " + expected[i] + "): " + response.body());
            } else if (expected[i] == 403) {
                assertThat(response.body()).as(endpoint + " for " + caller).containsAnyOf("reviewers", "sponsors",
                        "administrator", "review scope", "their own");
            }
        }
        assertThat(wrong).as(endpoint).isEmpty();
    }

    private static Function<Long, String> path(String action) {
        return review -> "api/v1/reviews/" + review + "/" + action;
    }

    @Test
    void readingTheListAndAReviewFollowsReadingItsHeldProject() {
        long review = freshReview();
        row("GET /api/v1/reviews", (caller, api) -> api.get("api/v1/reviews"), 200, 200, 200, 200, 200, 200, 200, 200);
        row("GET /api/v1/reviews/N", (caller, api) -> api.get("api/v1/reviews/" + review),
                404, 200, 404, 200, 200, 200, 200, 200);
        row("GET /api/v1/reviews/N missing", (caller, api) -> api.get("api/v1/reviews/987654321"),
                404, 404, 404, 404, 404, 404, 404, 404);
    }

    @Test
    void takingRejectingAndTickingNeedAPackageReviewerWhoIsNotTheContributor() {
        long item = checklistItem();
        row("POST take", (caller, api) -> api.post(path("take").apply(freshReview()), ""),
                401, 403, 404, 200, 200, 200, 403, 200);
        row("POST reject", (caller, api) -> api.post(path("reject").apply(freshReview()), "{\"reason\":\"no\"}"),
                401, 403, 404, 200, 200, 200, 403, 200);
        row("POST checklist/ITEM", (caller, api) -> api.post(path("checklist/" + item).apply(freshReview()),
                "{\"verdict\":\"pass\",\"comment\":\"fine\"}"), 401, 403, 404, 200, 200, 200, 403, 200);
    }

    @Test
    void approvingAFirstPackageNeedsASponsorWhoTookIt() {
        row("POST approve", (caller, api) -> approve(caller, api, newContributor()),
                401, 403, 404, 403, 200, 403, 403, 200);
        row("POST needs-work", (caller, api) -> api.post(path("needs-work").apply(takenReview(caller)),
                "{\"reason\":\"tests\"}"), 401, 403, 404, 200, 200, 200, 403, 200);
    }

    @Test
    void aSponsoredContributorsProjectIsApprovedByAnyPackageReviewerOrAdministrator() {
        row("POST approve (sponsored contributor)", (caller, api) -> approve(caller, api, sponsoredContributor()),
                401, 403, 404, 200, 200, 200, 403, 200);
    }

    /** Approves, as the caller, a review of the contributor's taken by the caller (by spencer if they may not). */
    private HttpResponse<String> approve(String caller, HttpApi api, String contributor) {
        long review = takenReview(caller, contributor);
        return (caller.equals("contributor") ? api(contributor) : api).post(path("approve").apply(review), "");
    }

    private String sponsoredContributor() {
        String contributor = newContributor();
        long first = freshReview(contributor);
        act(api("spencer"), first, "take", null);
        assertThat(act(api("spencer"), first, "approve", null).statusCode()).isEqualTo(200);
        return contributor;
    }

    @Test
    void reopeningARejectedReviewNeedsAnAdministrator() {
        row("POST reopen", (caller, api) -> api.post(path("reopen").apply(rejectedReview()), ""),
                401, 403, 404, 403, 403, 200, 403, 403);
    }

    @Test
    void theChecklistIsReadByAnyoneAndConfiguredByAdministratorsWithAPassword() {
        row("GET /api/v1/review-checklist", (caller, api) -> api.get("api/v1/review-checklist"),
                200, 200, 200, 200, 200, 200, 200, 200);
        row("POST /api/v1/review-checklist", (caller, api) -> api.post("api/v1/review-checklist",
                "{\"section\":\"SHOULD\",\"text\":\"by " + caller + "\"}"), 401, 403, 403, 403, 403, 200, 403, 403);
        row("POST /api/v1/review-checklist/ID/move", (caller, api) -> api.post("api/v1/review-checklist/"
                + checklistItem() + "/move", "{\"direction\":\"up\"}"), 401, 403, 403, 403, 403, 200, 403, 403);
        row("DELETE /api/v1/review-checklist/ID", (caller, api) -> api.delete("api/v1/review-checklist/"
                + checklistItem()), 401, 403, 403, 403, 403, 200, 403, 403);
    }

    /** A thread spencer started on a fresh review of carol's, as {review, thread}. */
    private long[] spencersThread() {
        long review = freshReview();
        HttpResponse<String> started = api("spencer").post("api/v1/reviews/" + review + "/threads",
                "{\"body\":\"Why this name?\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return new long[] {review, HttpApi.parse(started.body()).get("id").asLong()};
    }

    private static String thread(long[] at, String rest) {
        return "api/v1/reviews/" + at[0] + "/threads/" + at[1] + rest;
    }

    @Test
    void threadsAreReadAsTheReviewIsAndWrittenWithTheReviewScope() {
        long review = freshReview();
        row("GET threads", (caller, api) -> api.get("api/v1/reviews/" + review + "/threads"),
                404, 200, 404, 200, 200, 200, 200, 200);
        row("POST threads", (caller, api) -> api.post("api/v1/reviews/" + freshReview() + "/threads",
                "{\"body\":\"A question from " + caller + "\"}"), 401, 201, 404, 201, 201, 201, 403, 201);
        row("POST threads/ID/comments", (caller, api) -> api.post(thread(spencersThread(), "/comments"),
                "{\"body\":\"A reply\"}"), 401, 201, 404, 201, 201, 201, 403, 201);
        row("POST publish", (caller, api) -> api.post("api/v1/reviews/" + freshReview() + "/publish", ""),
                401, 200, 404, 200, 200, 200, 403, 200);
    }

    @Test
    void resolvingAndTaggingNeedTheThreadsOrTheReviewsAuthorOrAPackageReviewer() {
        row("POST threads/ID/resolve", (caller, api) -> api.post(thread(spencersThread(), "/resolve"), ""),
                401, 200, 404, 200, 200, 200, 403, 200);
        row("POST threads/ID/reopen", (caller, api) -> {
            long[] at = spencersThread();
            assertThat(api("spencer").post(thread(at, "/resolve"), "").statusCode()).isEqualTo(200);
            return api.post(thread(at, "/reopen"), "");
        }, 401, 200, 404, 200, 200, 200, 403, 200);
        row("PUT threads/ID/tags", (caller, api) -> api.put(thread(spencersThread(), "/tags"),
                "{\"tags\":[\"question\"]}"), 401, 200, 404, 200, 200, 200, 403, 200);
    }
}
