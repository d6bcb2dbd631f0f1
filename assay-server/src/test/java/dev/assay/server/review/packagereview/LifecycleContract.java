package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A package review from a held project's first upload to its approval: iterations, states and flags, the
 * sponsor a first package needs, the timeline and the notices, through the REST API as each role sees it.
 */
abstract class LifecycleContract extends ReviewFixture {

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asString()).toList();
    }

    @Test
    void theFirstUploadOpensAReviewEachNewVersionAddsAnIterationAndFilesOfAVersionJoinIt() {
        String project = unique("iterations");
        upload(project, "1.0", "carol");
        upload(project, "1.0", "carol", "cp311-cp311-manylinux_2_17_x86_64");
        long review = reviewOf(project, "carol");
        upload(project, "1.1", "carol");

        JsonNode detail = detail("carol", review);
        assertThat(detail.get("state").asString()).isEqualTo("new");
        assertThat(detail.get("flag").asString()).isEmpty();
        assertThat(detail.get("contributor").asString()).isEqualTo("carol");
        assertThat(detail.get("sponsorNeeded").asBoolean()).isTrue();
        assertThat(detail.get("title").asString()).isEqualTo("Package review of " + project);
        JsonNode iterations = detail.get("iterations");
        assertThat(texts(iterations, "version")).as("newest on top").containsExactly("1.1", "1.0");
        assertThat(iterations.get(0).get("number").asInt()).isEqualTo(2);
        assertThat(iterations.get(1).get("files")).hasSize(2);
        assertThat(texts(iterations.get(0).get("checks"), "key"))
                .containsExactly("built", "installed", "imported", "tests", "coverage", "lint");
        assertThat(detail.get("release").get("version").asString()).isEqualTo("1.1");
        assertThat(detail.get("release").get("descriptionHtml").asString()).contains("<em>adds</em>");
        assertThat(texts(detail.get("timeline"), "action")).containsExactly("opened", "iteration", "file", "iteration");
        assertThat(notices(review)).extracting(notice -> notice.kind())
                .containsExactly(NoticeKind.STATE_CHANGE, NoticeKind.NEW_ITERATION);
        assertThat(notices(review).get(0).path()).isEqualTo("/reviews/" + review);
    }

    @Test
    void aReviewerCannotApproveAFirstPackageASponsorDoesAndPipThenInstallsIt(@TempDir Path venvs) {
        String project = unique("first-package");
        String contributor = newContributor();
        upload(project, "1.0", contributor);
        long review = reviewOf(project, contributor);
        long serialBefore = Long.parseLong(read("pypi/" + project + "/json", contributor, PASSWORD).headers()
                .firstValue("X-PyPI-Last-Serial").orElseThrow());

        assertThat(act(api("rita"), review, "take", null).statusCode()).isEqualTo(200);
        assertThat(detail("rita", review).get("flag").asString()).isEqualTo("?");
        HttpResponse<String> refused = act(api("rita"), review, "approve", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("sponsors group");
        assertThat(act(api("spencer"), review, "approve", null).statusCode()).as("not taken by spencer").isEqualTo(409);
        assertThat(act(api("spencer"), review, "take", null).statusCode()).isEqualTo(200);
        assertThat(read("simple/" + project + "/", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> approved = act(api("spencer"), review, "approve", null);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode detail = detail(contributor, review);
        assertThat(detail.get("state").asString()).isEqualTo("approved");
        assertThat(detail.get("flag").asString()).isEqualTo("+");
        assertThat(detail.get("reviewer").asString()).isEqualTo("spencer");
        assertThat(texts(detail.get("timeline"), "action")).endsWith("taken", "taken", "sponsored", "approved");
        assertThat(read("simple/" + project + "/", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> json = read("pypi/" + project + "/json", null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(json.headers().firstValue("X-PyPI-Last-Serial").orElseThrow()))
                .isGreaterThan(serialBefore);
        assertThat(read("simple/", null, null).body()).contains(">" + project + "<");
        assertThat(anonymous().json("api/v1/reviews/" + review).get("state").asString()).isEqualTo("approved");
        assertThat(notices(review)).extracting(notice -> notice.headline())
                .contains("spencer approved review #" + review + " of " + project);
        Path python = PythonTools.newVirtualEnvironment(venvs.resolve("venv"));
        PythonTools.pipInstall(python, server.url() + "simple/", project + "==1.0").assertSucceeded();
    }

    @Test
    void aSponsoredContributorsNextProjectIsApprovedByAnyReviewer() {
        String contributor = newContributor();
        String first = unique("sponsored-first");
        upload(first, "1.0", contributor);
        long firstReview = reviewOf(first, contributor);
        act(api("spencer"), firstReview, "take", null);
        assertThat(act(api("spencer"), firstReview, "approve", null).statusCode()).isEqualTo(200);
        String next = unique("sponsored-next");
        upload(next, "1.0", contributor);
        long nextReview = reviewOf(next, contributor);

        assertThat(detail("rita", nextReview).get("sponsorNeeded").asBoolean()).isFalse();
        assertThat(act(api("rita"), nextReview, "take", null).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = act(api("rita"), nextReview, "approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(read("simple/" + next + "/", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyReviewsTheirOwnProjectNotEvenAsASponsorOrAMember() {
        String project = unique("own");
        upload(project, "1.0", "spencer");
        long review = reviewOf(project, "spencer");
        assertThat(api("spencer").put("api/v1/projects/" + project + "/roles/rita", "{\"role\":\"maintainer\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> own = act(api("spencer"), review, "take", null);
        HttpResponse<String> member = act(api("rita"), review, "take", null);

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("Nobody reviews their own project", "the contributor");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).contains("a member");
    }

    @Test
    void needsWorkAsksForAReasonAndANewIterationPutsTheReviewBackInReview() {
        String project = unique("needs-work");
        upload(project, "1.0", "carol");
        long review = reviewOf(project, "carol");
        act(api("spencer"), review, "take", null);

        HttpResponse<String> noReason = act(api("spencer"), review, "needs-work", "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason is required");
        assertThat(act(api("spencer"), review, "needs-work", "{\"reason\":\"add a licence\"}").statusCode())
                .isEqualTo(200);
        JsonNode waiting = detail("carol", review);
        assertThat(waiting.get("state").asString()).isEqualTo("needs-work");
        assertThat(waiting.get("flag").asString()).isEqualTo("-");
        assertThat(waiting.get("reason").asString()).isEqualTo("add a licence");
        assertThat(api("carol").json("api/v1/reviews?waiting-for-me=true").toString()).contains("\"number\":" + review);

        upload(project, "1.1", "carol");

        JsonNode again = detail("carol", review);
        assertThat(again.get("state").asString()).isEqualTo("in-review");
        assertThat(again.get("reviewer").asString()).isEqualTo("spencer");
        assertThat(again.get("iterations")).hasSize(2);
        assertThat(notices(review)).extracting(notice -> notice.kind()).contains(NoticeKind.NEW_ITERATION);
        assertThat(notices(review).get(notices(review).size() - 1).directRecipients())
                .contains(server.bean(AccountService.class).user("spencer").id());
    }

    @Test
    void aRejectionIsFinalUntilAnAdministratorReopensTheReview() {
        String project = unique("rejected");
        upload(project, "1.0", "carol");
        long review = reviewOf(project, "carol");

        assertThat(act(api("rita"), review, "reject", "{\"reason\":\"a typo-squat of requests\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> takeAgain = act(api("spencer"), review, "take", null);
        HttpResponse<String> reopenByReviewer = act(api("rita"), review, "reopen", null);
        HttpResponse<String> reopened = act(api("ada"), review, "reopen", null);

        assertThat(takeAgain.statusCode()).isEqualTo(409);
        assertThat(takeAgain.body()).contains("rejected");
        assertThat(reopenByReviewer.statusCode()).isEqualTo(403);
        assertThat(reopenByReviewer.body()).contains("administrator");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(detail("ada", review).get("state").asString()).isEqualTo("new");
        assertThat(read("simple/" + project + "/", null, null).statusCode()).as("still held").isEqualTo(404);
    }

    @Test
    void theListFiltersByStateMineWaitingForMeAndSponsorNeededWithCounts() {
        String project = unique("listed");
        String contributor = newContributor();
        upload(project, "1.0", contributor);
        long review = reviewOf(project, contributor);

        JsonNode forRita = api("rita").json("api/v1/reviews?state=new");
        JsonNode sponsorNeeded = api("spencer").json("api/v1/reviews?sponsor-needed=true&waiting-for-me=true");
        JsonNode forSam = api("sam").json("api/v1/reviews");
        JsonNode forAnonymous = anonymous().json("api/v1/reviews?state=new");
        JsonNode invalid = problem(api("rita").get("api/v1/reviews?state=pending"));

        assertThat(forRita.get("reviews").toString()).contains("\"number\":" + review);
        assertThat(forRita.get("counts").get("states").get("new").asLong()).isPositive();
        assertThat(texts(forRita.get("reviews"), "state")).containsOnly("new");
        assertThat(sponsorNeeded.get("reviews").toString()).contains("\"number\":" + review);
        assertThat(api("rita").json("api/v1/reviews?waiting-for-me=true").get("reviews").toString())
                .as("a first package waits for a sponsor, not for rita").doesNotContain("\"number\":" + review + ",");
        assertThat(forSam.get("reviews").toString()).doesNotContain("\"project\":\"" + project + "\"");
        assertThat(forAnonymous.get("reviews").toString()).doesNotContain("\"project\":\"" + project + "\"");
        assertThat(invalid.get("detail").asString()).contains("not a review state");
        assertThat(problem(api("rita").get("api/v1/reviews?mine=yes")).get("detail").asString())
                .contains("'mine' is true or false");
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return HttpApi.parse(response.body());
    }

    @Test
    void anUnknownReviewIsNotFoundAndAHeldProjectsReviewIsNotFoundForStrangers() {
        String project = unique("secret-review");
        upload(project, "1.0", "carol");
        long review = reviewOf(project, "carol");

        assertThat(api("sam").get("api/v1/reviews/" + review).statusCode()).isEqualTo(404);
        assertThat(anonymous().get("api/v1/reviews/" + review).statusCode()).isEqualTo(404);
        assertThat(api("sam").get("api/v1/reviews/" + review).body()).doesNotContain(project);
        assertThat(api("rita").get("api/v1/reviews/99999999").statusCode()).isEqualTo(404);
        assertThat(api("rita").get("api/v1/reviews/not-a-number").statusCode()).isEqualTo(400);
    }
}
