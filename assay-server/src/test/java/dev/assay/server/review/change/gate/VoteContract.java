package dev.assay.server.review.change.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.change.ChangeEvent;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.ChangeRequestState;
import dev.assay.server.review.packagereview.RecordedNotices;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** Votes on change requests: who may cast them, one per person, reset or kept by a new revision, the form. */
abstract class VoteContract extends MergeFixture {

    @Test
    void reviewersOwnersAndAdministratorsVoteButNotTheAuthorNorStrangers() {
        Repo repo = newRepository();
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String vote = "api/v1/changes/" + number + "/vote";

        HttpResponse<String> own = max.put(vote, "{\"vote\":\"approve\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("Nobody votes on their own change request");
        HttpResponse<String> stranger = sam.put(vote, "{\"vote\":\"approve\"}");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("owners, maintainers and reviewers", "'sam' has no role");
        assertThat(anonymous.put(vote, "{\"vote\":\"approve\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> nonsense = rita.put(vote, "{\"vote\":\"maybe\"}");
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.body()).contains("'maybe' is not a vote", "approve or needs-work");
        String uploadToken = server.bean(TokenService.class).create(new NewToken("rita", "t", repo.project(),
                java.util.Set.of(TokenScope.UPLOAD))).secret();
        assertThat(new HttpApi(server.url(), "__token__", uploadToken).put(vote, "{\"vote\":\"approve\"}").statusCode())
                .as("a token without the review scope").isEqualTo(403);
        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes")).isEmpty();

        assertThat(rita.put(vote, "{\"vote\":\"approve\"}").statusCode()).isEqualTo(200);
        assertThat(olive.put(vote, "{\"vote\":\"needs-work\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> admin = ada.put(vote, "{\"vote\":\"approve\"}");
        assertThat(admin.statusCode()).isEqualTo(200);
        HttpResponse<String> replaced = rita.put(vote, "{\"vote\":\"needs-work\"}");

        JsonNode votes = HttpApi.parse(replaced.body()).get("votes");
        assertThat(votes).hasSize(3);
        assertThat(votes.findValuesAsString("user")).containsExactlyInAnyOrder("rita", "olive", "ada");
        assertThat(byUser(votes, "rita").get("vote").asString()).isEqualTo("needs-work");
        assertThat(byUser(votes, "rita").get("revision").asInt()).isEqualTo(1);
        HttpResponse<String> withdrawn = ada.delete(vote);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(HttpApi.parse(withdrawn.body()).get("votes").findValuesAsString("user"))
                .containsExactlyInAnyOrder("rita", "olive");
        assertThat(sam.delete(vote).statusCode()).isEqualTo(403);
        assertThat(anonymous.json("api/v1/changes/" + number + "/votes").get("votes")).hasSize(2);

        assertThat(events(number)).filteredOn(event -> event.action().equals("voted"))
                .extracting(ChangeEvent::actor, ChangeEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rita", "approve on revision 1"),
                        org.assertj.core.groups.Tuple.tuple("olive", "needs-work on revision 1"),
                        org.assertj.core.groups.Tuple.tuple("ada", "approve on revision 1"),
                        org.assertj.core.groups.Tuple.tuple("rita", "needs-work on revision 1"),
                        org.assertj.core.groups.Tuple.tuple("ada", "withdrawn"));
        assertThat(server.bean(RecordedNotices.class).about(number))
                .filteredOn(notice -> notice.kind() == NoticeKind.VOTE).hasSize(4)
                .first().satisfies(notice -> {
                    assertThat(notice.headline()).isEqualTo("rita approved change request #" + number + " of "
                            + repo.project() + " (revision 1)");
                    assertThat(notice.path()).isEqualTo("/changes/" + number);
                    assertThat(notice.directRecipients()).containsExactly(
                            server.bean(ChangeRequestRepository.class).find(number).orElseThrow().authorId());
                });
    }

    @Test
    void votesAreForOpenChangeRequestsOnly() {
        Repo repo = newRepository();
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        server.bean(ChangeRequestRepository.class).updateState(number, ChangeRequestState.CLOSED,
                caller("max").user().id(), null, java.time.Instant.now());

        HttpResponse<String> closed = rita.put("api/v1/changes/" + number + "/vote", "{\"vote\":\"approve\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(409);
        assertThat(closed.body()).contains("is closed: votes are for open change requests");
        assertThat(rita.put("api/v1/changes/999999/vote", "{\"vote\":\"approve\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewRevisionResetsTheVotesUnlessTheGateKeepsThem() {
        Repo repo = newRepository();
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String vote = "api/v1/changes/" + number + "/vote";
        assertThat(rita.put(vote, "{\"vote\":\"approve\"}").statusCode()).isEqualTo(200);
        assertThat(olive.put(vote, "{\"vote\":\"needs-work\"}").statusCode()).isEqualTo(200);

        pushedRevision(number, commitOn(repo, "feature", "b.txt", "b2\n", "Change b"));

        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes")).isEmpty();
        assertThat(events(number)).filteredOn(event -> event.action().equals("vote-reset"))
                .extracting(ChangeEvent::actor, ChangeEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("olive", "revision 2 reset 2 votes"));

        pushedRevision(number, commitOn(repo, "feature", "b.txt", "b3\n", "Change b again"));
        assertThat(events(number)).as("nothing to reset, nothing recorded")
                .filteredOn(event -> event.action().equals("vote-reset")).hasSize(1);

        configure(repo, "{\"keepVotes\": true}");
        assertThat(rita.put(vote, "{\"vote\":\"approve\"}").statusCode()).isEqualTo(200);
        pushedRevision(number, commitOn(repo, "feature", "b.txt", "b4\n", "Change b once more"));

        JsonNode kept = olive.json("api/v1/changes/" + number + "/votes").get("votes");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("revision").asInt()).as("cast on revision 3, kept in 4").isEqualTo(3);
        assertThat(condition(gate(number), "approvals").get("detail").asString()).isEqualTo("1 of 1 approvals");
    }

    @Test
    void theVoteFormNeedsItsCsrfTokenAndGoesBackToTheChangeRequest() {
        Repo repo = newRepository();
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        WebSession session = new WebSession(server.url());
        session.logIn("rita", PASSWORD);
        String csrf = session.page("").selectFirst("input[name=_csrf]").attr("value");

        HttpResponse<String> forged = session.post("changes/" + number + "/vote", Map.of("vote", "approve"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes")).isEmpty();

        HttpResponse<String> voted = session.post("changes/" + number + "/vote",
                Map.of("_csrf", csrf, "vote", "needs-work"));
        assertThat(voted.uri().getPath()).isEqualTo("/changes/" + number);
        assertThat(voted.previousResponse()).hasValueSatisfying(redirect ->
                assertThat(redirect.statusCode()).isEqualTo(302));
        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes").get(0).get("vote").asString())
                .isEqualTo("needs-work");
        session.post("changes/" + number + "/vote", Map.of("_csrf", csrf, "vote", "withdraw"));
        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes")).isEmpty();

        WebSession author = new WebSession(server.url());
        author.logIn("max", PASSWORD);
        HttpResponse<String> refused = author.post("changes/" + number + "/vote",
                Map.of("_csrf", author.page("").selectFirst("input[name=_csrf]").attr("value"), "vote", "approve"));
        assertThat(refused.uri().getPath()).as("a refusal goes back to the page too").isEqualTo("/changes/" + number);
        assertThat(olive.json("api/v1/changes/" + number + "/votes").get("votes")).isEmpty();
    }

    private java.util.List<ChangeEvent> events(long number) {
        return server.bean(ChangeRequestRepository.class).events(number);
    }

    private static JsonNode byUser(JsonNode votes, String user) {
        for (JsonNode vote : votes) {
            if (vote.get("user").asString().equals(user)) {
                return vote;
            }
        }
        throw new AssertionError("no vote of " + user + " in " + votes);
    }
}
