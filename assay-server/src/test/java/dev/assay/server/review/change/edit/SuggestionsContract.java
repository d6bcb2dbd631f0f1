package dev.assay.server.review.change.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.git.ServerCommits;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeEvent;
import dev.assay.server.review.change.ChangeRequests;
import dev.assay.server.review.change.Revision;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;

import tools.jackson.databind.JsonNode;

/** Suggested changes in comments on a change request's lines, shown as a diff and applied as a new revision. */
abstract class SuggestionsContract extends EditFixture {

    /** A change request of sam's (an edit in the browser) whose src/calc.py is X = 1, Y = 20, Z = 3 (CRLF). */
    long samsChangeRequest(String project) {
        return changeNumber(session("sam").submit("project/" + project + "/source/edit/main/src/calc.py", "#edit-form",
                Map.of("text", "X = 1\nY = 20\nZ = 3", "summary", "Larger Y")));
    }

    static String suggestion(int line, String... lines) {
        String body = "Better:\n```suggestion\n" + String.join("\n", lines) + (lines.length == 0 ? "" : "\n") + "```\n";
        return "{\"path\":\"src/calc.py\",\"line\":" + line + ",\"side\":\"new\",\"body\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body) + "}";
    }

    static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpApi.parse(response.body());
    }

    /** Starts a thread on the change request as the user; returns its id. */
    long thread(long number, String user, String json) {
        return created(api(user).post("api/v1/changes/" + number + "/threads", json)).get("id").asLong();
    }

    static String apply(long number, long thread) {
        return "api/v1/changes/" + number + "/threads/" + thread + "/apply-suggestion";
    }

    @Test
    void theAuthorAppliesASuggestionAsTheNextRevisionAndTheThreadIsResolved() {
        String project = newProject();
        long number = samsChangeRequest(project);
        JsonNode thread = created(api("olive").post("api/v1/changes/" + number + "/threads", suggestion(2, "Y = 42")));
        JsonNode comment = thread.get("comments").get(0);
        assertThat(comment.get("suggestion").asBoolean()).isTrue();
        Document html = org.jsoup.Jsoup.parseBodyFragment(comment.get("html").asString());
        assertThat(html.select(".suggestion tr.removed code").text()).isEqualTo("Y = 20");
        assertThat(html.select(".suggestion tr.added code").text()).isEqualTo("Y = 42");

        HttpResponse<String> applied = api("sam").post(apply(number, thread.get("id").asLong()), "");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode result = HttpApi.parse(applied.body());
        assertThat(result.get("number").asLong()).isEqualTo(number);
        assertThat(result.get("revision").asInt()).isEqualTo(2);
        assertThat(revisions(number)).extracting(Revision::number).containsExactly(1, 2);
        assertThat(revisions(number).get(1).commit()).isEqualTo(result.get("commit").asString());
        assertThat(fetched(project, "users/sam/patch-1", "src/calc.py")).isEqualTo("X = 1\r\nY = 42\r\nZ = 3");
        assertThat(fetched(project, Revision.refName(number, 2), "src/calc.py")).isEqualTo("X = 1\r\nY = 42\r\nZ = 3");
        java.nio.file.Path clone = cloned(project);
        git.run(clone, "fetch", "-q", "origin", Revision.refName(number, 2)).succeeded();
        assertThat(git.run(clone, "log", "-1", "--format=%an|%s", "FETCH_HEAD").succeeded().output().strip())
                .isEqualTo("sam|Apply suggestion from @olive");
        JsonNode after = api("olive").json("api/v1/changes/" + number + "/threads/" + thread.get("id").asLong());
        assertThat(after.get("resolved").asBoolean()).isTrue();
        assertThat(after.get("comments").get(1).get("body").asString()).isEqualTo("Applied in revision 2");
        assertThat(server.bean(dev.assay.server.review.change.ChangeRequestRepository.class).events(number))
                .extracting(ChangeEvent::action).contains("suggestion");
    }

    @Test
    void anEmptySuggestionDeletesTheLineAndAMaintainerMayApplyIt() {
        String project = newProject();
        long number = samsChangeRequest(project);
        long thread = thread(number, "olive", suggestion(3));

        assertThat(api("max").post(apply(number, thread), "").statusCode()).isEqualTo(200);

        assertThat(fetched(project, "users/sam/patch-1", "src/calc.py")).isEqualTo("X = 1\r\nY = 20");
    }

    @Test
    void aSuggestionWhoseLineChangedIsRefused() {
        String project = newProject();
        long number = samsChangeRequest(project);
        long first = thread(number, "olive", suggestion(2, "Y = 42"));
        long second = thread(number, "max", suggestion(2, "Y = 7"));
        assertThat(api("sam").post(apply(number, first), "").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = api("sam").post(apply(number, second), "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("line changed since the suggestion; apply it by hand");
        assertThat(revisions(number)).hasSize(2);
        assertThat(api("sam").post(apply(number, first), "").statusCode()).isEqualTo(409);
    }

    @Test
    void aSuggestionOnARequestWithoutASourceBranchBecomesItsNextRevisionRefOnly() throws Exception {
        String project = newProject();
        Caller sam = new Caller(server.bean(AccountService.class).user("sam"), Optional.empty());
        Project opened = server.bean(ProjectService.class).find(project).orElseThrow();
        ObjectId main;
        try (Repository repository = server.bean(GitRepositories.class).open(project)) {
            main = repository.exactRef("refs/heads/main").getObjectId();
        }
        ObjectId commit = server.bean(ServerCommits.class).commit(opened, sam, main, List.of(ServerCommits.FileChange
                .modify("src/calc.py", "X = 1\r\nY = 20\r\nZ = 3".getBytes(StandardCharsets.UTF_8))), "Larger Y");
        long number = server.bean(ChangeRequests.class).open(sam, opened, new ChangeRequests.Opening("Larger Y", "",
                "main", Optional.empty(), Optional.of(commit), Optional.empty())).number();
        long thread = thread(number, "olive", suggestion(2, "Y = 42"));

        HttpResponse<String> applied = api("sam").post(apply(number, thread), "");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(fetched(project, Revision.refName(number, 2), "src/calc.py")).isEqualTo("X = 1\r\nY = 42\r\nZ = 3");
        assertThat(git.run(cloned(project), "ls-remote", "--heads", "origin").succeeded().output().strip())
                .endsWith("refs/heads/main").doesNotContain("\n");
    }

    @Test
    void onlyTheAuthorOwnersMaintainersAndAdminsApply() {
        String project = newProject();
        long number = samsChangeRequest(project);
        long thread = thread(number, "olive", suggestion(2, "Y = 42"));
        long general = created(api("olive").post("api/v1/changes/" + number + "/threads",
                "{\"body\":\"```suggestion\\nY = 1\\n```\"}")).get("id").asLong();

        assertThat(api("tom").post(apply(number, thread), "").statusCode()).isEqualTo(403);
        assertThat(HttpApi.anonymous(server.url()).post(apply(number, thread), "").statusCode()).isEqualTo(401);
        assertThat(api("sam").post(apply(number, general), "").statusCode()).isEqualTo(400);
        assertThat(api("sam").post(apply(number + 1000, thread), "").statusCode()).isEqualTo(404);
        assertThat(revisions(number)).hasSize(1);

        assertThat(api("olive").put("api/v1/projects/" + project + "/visibility", "{\"visibility\":\"private\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api("tom").post(apply(number, thread), "").statusCode()).isEqualTo(404);
    }

    @Test
    void theConversationPageOffersTheButtonToThoseWhoMayApplyAndItsFormApplies() {
        String project = newProject();
        long number = samsChangeRequest(project);
        long thread = thread(number, "olive", suggestion(2, "Y = 42"));
        String page = "changes/" + number + "/conversation";
        assertThat(session("tom").page(page).select("#thread-" + thread + " form.apply-suggestion")).isEmpty();
        WebSession sam = session("sam");
        Element suggestion = sam.page(page).selectFirst("#thread-" + thread + " .suggestion");
        assertThat(suggestion).isNotNull();
        assertThat(suggestion.select("tr.added code").text()).isEqualTo("Y = 42");

        assertThat(sam.post("changes/" + number + "/threads/" + thread + "/apply-suggestion", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(revisions(number)).hasSize(1);

        HttpResponse<String> applied = sam.submit(page, "#thread-" + thread + " form.apply-suggestion", Map.of());

        assertThat(applied.uri().getPath()).isEqualTo("/changes/" + number);
        assertThat(revisions(number)).hasSize(2);
        assertThat(sam.page(page).select("#thread-" + thread + " form.apply-suggestion")).isEmpty();
    }
}
