package dev.assay.server.review.change.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** The merge gate: its configuration (API, page, rights) and each condition of a request flipping. */
abstract class MergeGateContract extends MergeFixture {

    @Test
    void aBranchWithoutAGateHasTheDefaultsAndOwnersChangeIt() {
        Repo repo = newRepository();
        String main = "api/v1/projects/" + repo.project() + "/merge-gates/main";

        JsonNode defaults = anonymous.json(main);
        assertThat(defaults.toString()).isEqualTo("{\"branch\":\"main\",\"requiredApprovals\":1,\"requireResolved\":true,"
                + "\"requireGreen\":true,\"methods\":[\"fast-forward\",\"merge\",\"squash\"],\"keepVotes\":false}");

        HttpResponse<String> put = olive.put(main, "{\"requiredApprovals\":2,\"requireResolved\":false,"
                + "\"requireGreen\":false,\"methods\":[\"squash\",\"merge\",\"squash\"],\"keepVotes\":true}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(rita.json(main).toString()).isEqualTo("{\"branch\":\"main\",\"requiredApprovals\":2,"
                + "\"requireResolved\":false,\"requireGreen\":false,\"methods\":[\"merge\",\"squash\"],"
                + "\"keepVotes\":true}");
        assertThat(ada.put(main, "{\"requiredApprovals\":0}").statusCode()).isEqualTo(200);
        assertThat(anonymous.json(main).get("requiredApprovals").asInt()).isZero();
        assertThat(anonymous.json(main).get("keepVotes").asBoolean()).as("a missing field keeps its value").isTrue();

        String release = "api/v1/projects/" + repo.project() + "/merge-gates/release/1.x";
        assertThat(olive.put(release, "{\"methods\":[\"fast-forward\"]}").statusCode()).isEqualTo(200);
        assertThat(anonymous.json(release).get("methods").toString()).isEqualTo("[\"fast-forward\"]");
        assertThat(anonymous.json(release).get("branch").asString()).isEqualTo("release/1.x");
        assertThat(anonymous.json("api/v1/projects/" + repo.project() + "/merge-gates/other").get("methods"))
                .as("another branch keeps the defaults").hasSize(3);
    }

    @Test
    void onlyOwnersAndAdministratorsChangeAGateAndBadValuesAreRefused() {
        Repo repo = newRepository();
        String main = "api/v1/projects/" + repo.project() + "/merge-gates/main";
        String body = "{\"requiredApprovals\":3}";

        HttpResponse<String> maintainer = max.put(main, body);
        assertThat(maintainer.statusCode()).isEqualTo(403);
        assertThat(maintainer.body()).contains("Configuring the merge gates", "needs the owner role", "'max' is a maintainer");
        assertThat(rita.put(main, body).statusCode()).isEqualTo(403);
        assertThat(sam.put(main, body).statusCode()).isEqualTo(403);
        assertThat(anonymous.put(main, body).statusCode()).isEqualTo(401);
        String upload = server.bean(TokenService.class).create(new NewToken("olive", "t", repo.project(),
                Set.of(TokenScope.UPLOAD))).secret();
        assertThat(new HttpApi(server.url(), "__token__", upload).put(main, body).statusCode()).isEqualTo(403);
        String push = server.bean(TokenService.class).create(new NewToken("olive", "t", repo.project(),
                Set.of(TokenScope.PUSH))).secret();
        assertThat(new HttpApi(server.url(), "__token__", push).put(main, body).statusCode()).isEqualTo(200);

        assertThat(problem(olive.put(main, "{\"requiredApprovals\":21}"))).contains("requiredApprovals must be 0 to 20");
        assertThat(problem(olive.put(main, "{\"requiredApprovals\":-1}"))).contains("requiredApprovals must be 0 to 20");
        assertThat(problem(olive.put(main, "{\"methods\":[]}"))).contains("at least one of fast-forward, merge, squash");
        assertThat(problem(olive.put(main, "{\"methods\":[\"rebase\"]}"))).contains("'rebase' is not a merge method");
        assertThat(problem(olive.put("api/v1/projects/" + repo.project() + "/merge-gates/a..b", body)))
                .contains("not a valid branch name");
        assertThat(olive.put(main, "").statusCode()).isEqualTo(400);
        assertThat(anonymous.json(main).get("requiredApprovals").asInt()).isEqualTo(3);
        assertThat(anonymous.get("api/v1/projects/no-such-project/merge-gates/main").statusCode()).isEqualTo(404);
    }

    @Test
    void theMergingSettingsPageSavesAGateForOwnersOnly() {
        Repo repo = newRepository();
        WebSession owner = new WebSession(server.url());
        owner.logIn("olive", PASSWORD);
        String page = "project/" + repo.project() + "/merge-gates";

        Document settings = owner.page(page);
        assertThat(settings.select("form.merge-gate-form legend code").eachText()).as("the protected branches")
                .contains("main", "master");
        assertThat(owner.page("project/" + repo.project() + "/settings").select("a#merge-gates-page")).hasSize(1);
        HttpResponse<String> saved = owner.submit(page, "form#gate-new", Map.of("branch", "develop",
                "requiredApprovals", "2", "methods", "squash"));
        assertThat(saved.body()).contains("The merge gate of &#39;develop&#39; is saved.");
        JsonNode develop = anonymous.json("api/v1/projects/" + repo.project() + "/merge-gates/develop");
        assertThat(develop.toString()).isEqualTo("{\"branch\":\"develop\",\"requiredApprovals\":2,"
                + "\"requireResolved\":false,\"requireGreen\":false,\"methods\":[\"squash\"],\"keepVotes\":false}");
        HttpResponse<String> invalid = owner.submit(page, "form#gate-new", Map.of("branch", "develop",
                "requiredApprovals", "many", "methods", "squash"));
        assertThat(invalid.body()).contains("Required approvals must be a number from 0 to 20");
        assertThat(owner.page(page).select("form.merge-gate-form legend code").eachText()).contains("develop");

        assertThat(new WebSession(server.url()).get(page).uri().getPath()).as("anonymous: log in first")
                .isEqualTo("/login");
        WebSession maintainer = new WebSession(server.url());
        maintainer.logIn("max", PASSWORD);
        assertThat(maintainer.get(page).statusCode()).isEqualTo(403);
        String csrf = maintainer.page("").selectFirst("input[name=_csrf]").attr("value");
        assertThat(maintainer.post(page, Map.of("_csrf", csrf, "branch", "main", "requiredApprovals", "0",
                "methods", "merge")).statusCode()).isEqualTo(403);
        assertThat(owner.post(page, Map.of("branch", "main", "requiredApprovals", "0", "methods", "merge"))
                .statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(anonymous.json("api/v1/projects/" + repo.project() + "/merge-gates/main").get("requiredApprovals")
                .asInt()).isEqualTo(1);
    }

    @Test
    void approvalsNeedsWorkAndThreadsFlipTheirConditions() {
        Repo repo = newRepository();
        configure(repo, "{\"requiredApprovals\":2,\"requireGreen\":false}");
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        String vote = "api/v1/changes/" + number + "/vote";

        JsonNode start = gate(number);
        assertThat(start.get("conditions").findValuesAsString("name")).containsExactly("open", "approvals",
                "no-needs-work", "threads-resolved", "no-conflicts");
        assertThat(start.get("mergeable").asBoolean()).isFalse();
        assertThat(condition(start, "approvals").toString())
                .isEqualTo("{\"name\":\"approvals\",\"met\":false,\"detail\":\"0 of 2 approvals\"}");
        assertThat(condition(start, "open").get("met").asBoolean()).isTrue();
        assertThat(condition(start, "threads-resolved").get("met").asBoolean()).isTrue();
        assertThat(condition(start, "no-conflicts").get("met").asBoolean()).isTrue();
        assertThat(start.get("methods").toString()).isEqualTo("[\"fast-forward\",\"merge\",\"squash\"]");

        rita.put(vote, "{\"vote\":\"approve\"}");
        assertThat(condition(gate(number), "approvals").get("detail").asString()).isEqualTo("1 of 2 approvals");
        olive.put(vote, "{\"vote\":\"approve\"}");
        assertThat(condition(gate(number), "approvals").get("met").asBoolean()).isTrue();
        assertThat(gate(number).get("mergeable").asBoolean()).isTrue();

        rita.put(vote, "{\"vote\":\"needs-work\"}");
        JsonNode needsWork = gate(number);
        assertThat(condition(needsWork, "no-needs-work").toString()).isEqualTo("{\"name\":\"no-needs-work\","
                + "\"met\":false,\"detail\":\"rita voted needs work on revision 1\"}");
        assertThat(condition(needsWork, "approvals").get("met").asBoolean()).isFalse();
        rita.put(vote, "{\"vote\":\"approve\"}");
        assertThat(gate(number).get("mergeable").asBoolean()).isTrue();

        HttpResponse<String> thread = rita.post("api/v1/changes/" + number + "/threads",
                "{\"body\":\"Please explain b.\"}");
        assertThat(thread.statusCode()).as(thread.body()).isEqualTo(201);
        JsonNode unresolved = gate(number);
        assertThat(condition(unresolved, "threads-resolved").toString()).isEqualTo("{\"name\":\"threads-resolved\","
                + "\"met\":false,\"detail\":\"1 unresolved thread\"}");
        assertThat(unresolved.get("mergeable").asBoolean()).isFalse();
        long threadId = HttpApi.parse(thread.body()).get("id").asLong();
        assertThat(max.post("api/v1/changes/" + number + "/threads/" + threadId + "/resolve", "").statusCode())
                .isEqualTo(200);
        assertThat(condition(gate(number), "threads-resolved").get("met").asBoolean()).isTrue();

        configure(repo, "{\"requireResolved\":false}");
        rita.post("api/v1/changes/" + number + "/threads", "{\"body\":\"Another question.\"}");
        assertThat(gate(number).get("conditions").findValuesAsString("name")).as("not required, not listed")
                .doesNotContain("threads-resolved");
        assertThat(gate(number).get("mergeable").asBoolean()).isTrue();
    }

    @Test
    void theLatestRevisionsPipelineDecidesTheGreenCondition() {
        Repo repo = newRepository();
        configure(repo, "{\"requiredApprovals\":0}");
        commitOn(repo, "feature", "VERDICT", "fail\n", "A change whose pipeline fails");
        long number = open(repo, "feature", "Red then green");

        JsonNode red = eventually("the red pipeline", () -> gate(number),
                gate -> condition(gate, "pipeline-green").get("detail").asString().endsWith("failed"));
        assertThat(condition(red, "pipeline-green").get("met").asBoolean()).isFalse();
        assertThat(condition(red, "pipeline-green").get("detail").asString()).contains("of revision 1");
        assertThat(red.get("mergeable").asBoolean()).isFalse();

        pushedRevision(number, commitOn(repo, "feature", "VERDICT", "pass\n", "Fixed"));
        JsonNode green = eventually("the green pipeline", () -> gate(number),
                gate -> condition(gate, "pipeline-green").get("met").asBoolean());
        assertThat(condition(green, "pipeline-green").get("detail").asString()).contains("of revision 2")
                .endsWith("passed");
        assertThat(green.get("mergeable").asBoolean()).isTrue();
    }

    @Test
    void aPrivateProjectsGateIsHiddenFromStrangers() {
        Repo repo = newRepository();
        commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add b");
        assertThat(olive.put("api/v1/projects/" + repo.project() + "/visibility", "{\"visibility\":\"private\"}")
                .statusCode()).isEqualTo(200);

        assertThat(sam.get("api/v1/changes/" + number + "/gate").statusCode()).isEqualTo(404);
        assertThat(sam.get("api/v1/projects/" + repo.project() + "/merge-gates/main").statusCode()).isEqualTo(404);
        assertThat(sam.put("api/v1/changes/" + number + "/vote", "{\"vote\":\"approve\"}").statusCode()).isEqualTo(404);
        assertThat(rita.get("api/v1/changes/" + number + "/gate").statusCode()).isEqualTo(200);
    }

    @Test
    void thePanelShowsTheConditionsTheVotesAndTheFormsToThoseWhoMayUseThem() {
        Repo repo = newRepository();
        configure(repo, "{\"requireGreen\":false}");
        String revision = commitOn(repo, "feature", "b.txt", "b\n", "Add b");
        long number = open(repo, "feature", "Add <b>");
        String panel = "changes/" + number;

        Document anonymousView = new WebSession(server.url()).page(panel);
        assertThat(anonymousView.select("#gate-conditions tr.condition td:first-child").eachText())
                .containsExactly("open", "approvals", "no-needs-work", "threads-resolved", "no-conflicts");
        assertThat(anonymousView.selectFirst("#condition-approvals .condition-state").text()).isEqualTo("not met");
        assertThat(anonymousView.selectFirst("#condition-approvals .condition-detail").text())
                .isEqualTo("0 of 1 approvals");
        assertThat(anonymousView.selectFirst("#condition-open .condition-state").text()).isEqualTo("met");
        assertThat(anonymousView.select("#no-votes")).hasSize(1);
        assertThat(anonymousView.select("#vote-form, #merge-form")).isEmpty();

        WebSession reviewer = new WebSession(server.url());
        reviewer.logIn("rita", PASSWORD);
        Document reviewerView = reviewer.page(panel);
        assertThat(reviewerView.select("#vote-form input[name=_csrf]")).hasSize(1);
        assertThat(reviewerView.select("#vote-form button").eachAttr("value")).containsExactly("approve", "needs-work");
        assertThat(reviewerView.select("#merge-form")).isEmpty();

        WebSession author = new WebSession(server.url());
        author.logIn("max", PASSWORD);
        Document authorView = author.page(panel);
        assertThat(authorView.select("#vote-form")).as("the author does not vote").isEmpty();
        assertThat(authorView.select("#merge-method option").eachAttr("value"))
                .containsExactly("fast-forward", "merge", "squash");
        assertThat(authorView.selectFirst("#merge-method option[selected]").attr("value")).isEqualTo("merge");
        assertThat(authorView.selectFirst("#merge-form button").hasAttr("disabled")).isTrue();
        assertThat(authorView.selectFirst("#merge-blocked").text())
                .isEqualTo("Merging waits for: approvals: 0 of 1 approvals");

        HttpResponse<String> voted = reviewer.submit(panel, "form#vote-form", Map.of("vote", "approve"));
        assertThat(voted.uri().getPath()).isEqualTo("/changes/" + number);
        Document approved = author.page(panel);
        assertThat(approved.select("#votes tr.vote td").eachText()).containsExactly("rita", "approve", "1");
        assertThat(approved.selectFirst("#condition-approvals .condition-state").text()).isEqualTo("met");
        assertThat(approved.selectFirst("#merge-form button").hasAttr("disabled")).isFalse();
        assertThat(approved.select("#merge-blocked")).isEmpty();
        assertThat(reviewer.page(panel).select("#vote-form button").eachAttr("value"))
                .containsExactly("approve", "needs-work", "withdraw");

        HttpResponse<String> merged = author.submit(panel, "form#merge-form", Map.of("method", "fast-forward"));
        assertThat(merged.uri().getPath()).isEqualTo("/changes/" + number);
        assertThat(remoteHead(repo, "main")).isEqualTo(revision);
        Document after = author.page(panel);
        assertThat(after.select("#vote-form, #merge-form")).isEmpty();
        assertThat(after.selectFirst("#condition-open .condition-detail").text())
                .isEqualTo("the change request is merged");
    }

    private static String problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return response.body();
    }
}
