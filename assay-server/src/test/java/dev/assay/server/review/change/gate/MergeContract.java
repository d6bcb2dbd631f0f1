package dev.assay.server.review.change.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEvents;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.change.ChangeEvent;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.ChangeRequestState;
import dev.assay.server.review.packagereview.RecordedNotices;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** Merging change requests by each method with JGit on the server, checked with real git fetches; refusals. */
abstract class MergeContract extends MergeFixture {

    private static final String OPEN_GATE = "{\"requiredApprovals\":0,\"requireGreen\":false}";

    @Test
    void aMergeCommitHasTheTargetAndTheRevisionAsParentsAndIsAnnouncedAsAPush() throws Exception {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        String revision = commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String head = commitOn(repo, "main", "c.txt", "c\n", "Meanwhile on main");

        HttpResponse<String> merged = olive.post("api/v1/changes/" + number + "/merge", "{\"method\":\"merge\"}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode change = HttpApi.parse(merged.body());
        assertThat(change.get("state").asString()).isEqualTo("merged");
        String commit = change.get("mergedCommit").asString();
        assertThat(remoteHead(repo, "main")).isEqualTo(commit);
        assertThat(log(repo, "%P|%s|%cn|%an")).isEqualTo(head + " " + revision + "|Merge change request #" + number
                + ": Add b|olive|olive");
        git.run(repo.work(), "merge", "-q", "--ff-only", "origin/main").succeeded();
        assertThat(Files.readString(repo.work().resolve("b.txt"))).isEqualTo("b\n");
        assertThat(Files.readString(repo.work().resolve("c.txt"))).isEqualTo("c\n");

        assertThat(server.bean(PushEvents.class).recent(project(repo), 10)).filteredOn(event ->
                event.refName().equals("refs/heads/main") && event.newId().equals(commit))
                .extracting(PushEvent::userName).containsExactly("olive");
        eventually("the pipeline of the merge commit", () -> olive.json("api/v1/projects/" + repo.project()
                + "/pipelines?commit=" + commit), pipelines -> pipelines.size() == 1);
        assertThat(server.bean(ChangeRequestRepository.class).events(number))
                .filteredOn(event -> event.action().equals("merged")).extracting(ChangeEvent::detail)
                .containsExactly("merge into main: " + commit);
        assertThat(server.bean(RecordedNotices.class).about(number))
                .filteredOn(notice -> notice.kind() == NoticeKind.STATE_CHANGE)
                .extracting(notice -> notice.headline()).filteredOn(headline -> headline.contains(" merged "))
                .containsExactly("olive merged change request #" + number + " of " + repo.project() + " into main");
        assertThat(gate(number).get("mergeable").asBoolean()).isFalse();
        assertThat(condition(gate(number), "open").get("detail").asString()).isEqualTo("the change request is merged");
    }

    @Test
    void aSquashIsOneCommitOnTheTargetByTheRequestsAuthor() throws Exception {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        String base = remoteHead(repo, "main");
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        commitOn(repo, "feature", "b.txt", "b, better\n", "Improve b");
        long number = open(repo, "feature", "Add a better b");

        HttpResponse<String> merged = max.post("api/v1/changes/" + number + "/merge", "{\"method\":\"squash\"}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(remoteHead(repo, "main")).isEqualTo(HttpApi.parse(merged.body()).get("mergedCommit").asString());
        assertThat(log(repo, "%P|%an|%cn|%s")).isEqualTo(base + "|max|max|Add a better b");
        assertThat(log(repo, "%b")).contains("What it does.", "Change request #" + number);
        assertThat(git.run(repo.work(), "show", "origin/main:b.txt").succeeded().output()).isEqualTo("b, better\n");
    }

    @Test
    void aFastForwardMovesTheTargetToTheRevisionAndIsRefusedOnceTheTargetMoved() {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        String revision = commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        commitOn(repo, "other", "d.txt", "d\n", "Add d");
        long behind = open(repo, "other", "Add d");

        HttpResponse<String> merged = ada.post("api/v1/changes/" + number + "/merge", "{\"method\":\"fast-forward\"}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(remoteHead(repo, "main")).isEqualTo(revision);
        HttpResponse<String> refused = olive.post("api/v1/changes/" + behind + "/merge", "{\"method\":\"fast-forward\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("'main' cannot fast-forward to change request #" + behind);
        assertThat(remoteHead(repo, "main")).isEqualTo(revision);
        HttpResponse<String> byDefault = olive.post("api/v1/changes/" + behind + "/merge", "{}");
        assertThat(byDefault.statusCode()).as("no method: a merge commit").isEqualTo(200);
        assertThat(log(repo, "%P")).isEqualTo(revision + " " + git.head(repo.work(), "origin/other"));
    }

    @Test
    void conflictsAreRefusedWithTheirPaths() {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        commitOn(repo, "feature", "a.txt", "one\nTWO\nthree\n", "Shout two");
        commitOn(repo, "feature", "e.txt", "e\n", "Add e");
        long number = open(repo, "feature", "Shout");
        String head = commitOn(repo, "main", "a.txt", "one\ndeux\nthree\n", "Two in French");

        JsonNode gate = gate(number);
        assertThat(condition(gate, "no-conflicts").toString()).isEqualTo("{\"name\":\"no-conflicts\",\"met\":false,"
                + "\"detail\":\"conflicts with 'main' in a.txt\"}");
        HttpResponse<String> refused = olive.post("api/v1/changes/" + number + "/merge", "{\"method\":\"squash\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("conflicts with 'main' in a.txt");
        assertThat(remoteHead(repo, "main")).isEqualTo(head);
        assertThat(server.bean(ChangeRequestRepository.class).find(number).orElseThrow().state())
                .isEqualTo(ChangeRequestState.OPEN);
    }

    @Test
    void mergingIsRefusedToOthersWhileTheGateIsNotMetAndOnce() {
        Repo repo = newRepository();
        configure(repo, "{\"requireGreen\":false,\"methods\":[\"merge\",\"fast-forward\"]}");
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String merge = "api/v1/changes/" + number + "/merge";
        String head = remoteHead(repo, "main");

        assertThat(rita.post(merge, "{}").statusCode()).isEqualTo(403);
        assertThat(sam.post(merge, "{}").statusCode()).isEqualTo(403);
        assertThat(anonymous.post(merge, "{}").statusCode()).isEqualTo(401);
        String review = server.bean(TokenService.class).create(new NewToken("olive", "t", repo.project(),
                java.util.Set.of(TokenScope.REVIEW))).secret();
        HttpResponse<String> withoutPush = new HttpApi(server.url(), "__token__", review).post(merge, "{}");
        assertThat(withoutPush.statusCode()).isEqualTo(403);
        assertThat(withoutPush.body()).contains("does not allow merging", "push scope");
        HttpResponse<String> unmet = olive.post(merge, "{}");
        assertThat(unmet.statusCode()).as(unmet.body()).isEqualTo(409);
        assertThat(unmet.body()).contains("cannot merge yet: approvals (0 of 1 approvals)");
        rita.put("api/v1/changes/" + number + "/vote", "{\"vote\":\"approve\"}");
        HttpResponse<String> squash = olive.post(merge, "{\"method\":\"squash\"}");
        assertThat(squash.statusCode()).isEqualTo(400);
        assertThat(squash.body()).contains("'main' does not allow merging by squash: use fast-forward, merge");
        assertThat(olive.post(merge, "{\"method\":\"octopus\"}").statusCode()).isEqualTo(400);
        assertThat(remoteHead(repo, "main")).isEqualTo(head);

        assertThat(olive.post(merge, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = olive.post(merge, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is merged: only an open change request merges");

        commitOn(repo, "closed", "c.txt", "c\n", "Add c");
        long closed = open(repo, "closed", "Add c");
        server.bean(ChangeRequestRepository.class).updateState(closed, ChangeRequestState.CLOSED,
                caller("max").user().id(), null, java.time.Instant.now());
        HttpResponse<String> closedMerge = olive.post("api/v1/changes/" + closed + "/merge", "{}");
        assertThat(closedMerge.statusCode()).isEqualTo(409);
        assertThat(closedMerge.body()).contains("is closed: only an open change request merges");
    }

    @Test
    void twoMergesAtOnceMergeOnce() throws Exception {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        String head = remoteHead(repo, "main");
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String merge = "api/v1/changes/" + number + "/merge";

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<HttpResponse<String>> first = pool.submit(() -> olive.post(merge,
                    "{\"method\":\"merge\"}"));
            java.util.concurrent.Future<HttpResponse<String>> second = pool.submit(() -> max.post(merge,
                    "{\"method\":\"merge\"}"));
            assertThat(java.util.List.of(first.get().statusCode(), second.get().statusCode()))
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(log(repo, "%P").split(" ")[0]).as("one merge commit, on the old head").isEqualTo(head);
        assertThat(server.bean(ChangeRequestRepository.class).events(number))
                .filteredOn(event -> event.action().equals("merged")).hasSize(1);
    }

    @Test
    void theMergeFormMergesOnceAndGoesBackToTheChangeRequest() {
        Repo repo = newRepository();
        configure(repo, OPEN_GATE);
        String revision = commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        WebSession session = new WebSession(server.url());
        session.logIn("olive", PASSWORD);
        String csrf = session.page("").selectFirst("input[name=_csrf]").attr("value");

        assertThat(session.post("changes/" + number + "/merge", Map.of("method", "fast-forward")).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        HttpResponse<String> merged = session.post("changes/" + number + "/merge",
                Map.of("_csrf", csrf, "method", "fast-forward"));
        HttpResponse<String> twice = session.post("changes/" + number + "/merge",
                Map.of("_csrf", csrf, "method", "fast-forward"));

        assertThat(merged.uri().getPath()).isEqualTo("/changes/" + number);
        assertThat(twice.uri().getPath()).isEqualTo("/changes/" + number);
        assertThat(remoteHead(repo, "main")).isEqualTo(revision);
        assertThat(server.bean(ChangeRequestRepository.class).events(number))
                .filteredOn(event -> event.action().equals("merged")).hasSize(1);
    }

    /** The newest commit of main on the server, fetched with git, in the format given. */
    private String log(Repo repo, String format) {
        git.run(repo.work(), "fetch", "-q", "origin").succeeded();
        return git.run(repo.work(), "log", "-1", "--format=" + format, "origin/main").succeeded().output().strip();
    }
}
