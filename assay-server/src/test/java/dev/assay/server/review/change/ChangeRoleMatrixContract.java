package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;

/**
 * Every change request endpoint called by every kind of caller, on a public and on a private project: the status
 * each gets (401 to anonymous writes, 404 to those who may not read the project, 403 naming what is missing to the
 * others who may not, and to those who may the answer of the action itself); and every form refused without its
 * CSRF token.
 */
abstract class ChangeRoleMatrixContract extends ChangeFixture {

    private static final List<String> CALLERS = List.of("anonymous", "author", "other user", "reviewer",
            "maintainer", "owner", "admin", "push token", "review token", "push and review token");

    private final Map<String, HttpApi> apis = new LinkedHashMap<>();
    private String project;
    private long change;
    private long thread;
    private String hidden;
    private long hiddenChange;

    @BeforeAll
    void arrange() {
        project = newProject("public");
        Path work = workTree(project, "feature");
        git.commit(work, "calc.py", TEN_LINES.replace("line 3", "line three"), "Three");
        push(work, project, "feature");
        change = open("carol", project, "feature", "main");
        thread = HttpApi.parse(send("POST", "api/v1/changes/" + change + "/threads", "rita",
                "{\"body\":\"A general question.\"}").body()).get("id").asLong();
        hidden = newProject("private");
        Path secret = workTree(hidden, "feature");
        git.commit(secret, "calc.py", TEN_LINES.replace("line 4", "line four"), "Four");
        push(secret, hidden, "feature");
        hiddenChange = open("max", hidden, "feature", "main");

        apis.put("anonymous", HttpApi.anonymous(server.url()));
        for (String[] person : new String[][] {{"author", "carol"}, {"other user", "sam"}, {"reviewer", "rita"},
                {"maintainer", "max"}, {"owner", "olive"}, {"admin", "ada"}}) {
            apis.put(person[0], new HttpApi(server.url(), person[1], PASSWORD));
        }
        apis.put("push token", token(TokenScope.PUSH));
        apis.put("review token", token(TokenScope.REVIEW));
        apis.put("push and review token", token(TokenScope.PUSH, TokenScope.REVIEW));
    }

    private HttpApi token(TokenScope... scopes) {
        String secret = server.bean(TokenService.class).create(new NewToken("max", "matrix", null, Set.of(scopes)))
                .secret();
        return new HttpApi(server.url(), "__token__", secret);
    }

    @Test
    void everyEndpointAnswersEachCallerOfAPublicProjectAsItsRulesSay() {
        String api = "api/v1/changes/" + change;
        List<String> wrong = new ArrayList<>();
        for (String read : List.of(api, api + "/diff", api + "/gate", api + "/votes", "api/v1/changes?project="
                + project, api + "/threads", "api/v1/projects/" + project + "/merge-gates/main", "changes/" + change,
                "changes", "changes/" + change + "/conversation")) {
            check(wrong, "GET", read, null, statuses(200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
        }
        check(wrong, "PATCH", api, "{\"description\":\"Edited.\"}",
                statuses(401, 200, 403, 403, 200, 200, 200, 403, 200, 200));
        check(wrong, "PUT", api + "/vote", "{\"vote\":\"needs-work\"}",
                statuses(401, 403, 403, 200, 200, 200, 200, 403, 200, 200));
        check(wrong, "POST", api + "/merge", "{}", statuses(401, 403, 403, 403, 409, 409, 409, 409, 403, 409));
        check(wrong, "POST", api + "/threads", "{\"body\":\"Why?\"}",
                statuses(401, 201, 201, 201, 201, 201, 201, 403, 201, 201));
        check(wrong, "POST", api + "/threads/" + thread + "/apply-suggestion", "{}",
                statuses(401, 400, 403, 403, 400, 400, 400, 403, 400, 400));
        check(wrong, "POST", "api/v1/projects/" + project + "/changes", "{}",
                statuses(401, 400, 400, 400, 400, 400, 400, 403, 400, 400));
        check(wrong, "PUT", "api/v1/projects/" + project + "/merge-gates/main", "{\"requiredApprovals\":1}",
                statuses(401, 403, 403, 403, 403, 200, 200, 403, 403, 403));
        check(wrong, "PUT", "api/v1/projects/" + project + "/protected-branches",
                "{\"branches\":[\"main\"],\"changesOnly\":[]}", statuses(401, 403, 403, 403, 403, 200, 200, 403, 403, 403));
        check(wrong, "DELETE", api + "/vote", null, statuses(401, 403, 403, 200, 200, 200, 200, 403, 200, 200));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPrivateProjectsChangeRequestIsMissingForThoseWhoMayNotReadIt() {
        String api = "api/v1/changes/" + hiddenChange;
        List<String> wrong = new ArrayList<>();
        for (String read : List.of(api, api + "/diff", api + "/gate", api + "/votes", api + "/threads")) {
            check(wrong, "GET", read, null, statuses(404, 404, 404, 200, 200, 200, 200, 200, 200, 200));
        }
        check(wrong, "PATCH", api, "{\"description\":\"Edited.\"}",
                statuses(401, 404, 404, 403, 200, 200, 200, 403, 200, 200));
        check(wrong, "PUT", api + "/vote", "{\"vote\":\"approve\"}",
                statuses(401, 404, 404, 200, 403, 200, 200, 403, 403, 403));
        check(wrong, "POST", api + "/merge", "{}", statuses(401, 404, 404, 403, 409, 409, 409, 409, 403, 409));
        check(wrong, "POST", api + "/threads", "{\"body\":\"Why?\"}",
                statuses(401, 404, 404, 201, 201, 201, 201, 403, 201, 201));
        assertThat(wrong).isEmpty();
        assertThat(send("GET", "api/v1/changes?project=" + hidden, "sam", null).body())
                .doesNotContain("\"number\":" + hiddenChange);
        assertThat(HttpApi.anonymous(server.url()).get("changes/" + hiddenChange).statusCode()).isEqualTo(404);
        WebSession rita = new WebSession(server.url());
        rita.logIn("rita", PASSWORD);
        assertThat(rita.get("changes/" + hiddenChange).statusCode()).isEqualTo(200);
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        assertThat(sam.get("changes/" + hiddenChange).statusCode()).isEqualTo(404);
    }

    @Test
    void everyFormIsRefusedWithoutItsCsrfToken() {
        WebSession olive = new WebSession(server.url());
        assertThat(olive.logIn("olive", PASSWORD).statusCode()).isEqualTo(200);
        List<String> forms = List.of("changes/" + change + "/edit", "changes/" + change + "/close",
                "changes/" + change + "/reopen", "changes/" + change + "/vote", "changes/" + change + "/merge",
                "changes/" + change + "/threads/" + thread + "/apply-suggestion",
                "changes/" + change + "/conversation/threads", "project/" + project + "/changes",
                "project/" + project + "/source/edit/main/calc.py", "project/" + project + "/merge-gates",
                "project/" + project + "/branches");
        for (String form : forms) {
            assertThat(olive.post(form, Map.of("title", "x", "vote", "approve", "body", "x", "text", "x"))
                    .statusCode()).as(form).isEqualTo(403);
        }
        assertThat(json("olive", "api/v1/changes/" + change).get("state").asString()).isEqualTo("open");
        HttpResponse<String> voted = olive.submit("changes/" + change, "#vote-form", Map.of("vote", "approve"));
        assertThat(voted.statusCode()).isEqualTo(200);
        assertThat(json("olive", "api/v1/changes/" + change + "/votes").toString()).contains("olive");
    }

    @Test
    void noBodyHoweverMalformedAnswersAServerError() {
        List<String> bodies = List.of("", "null", "[]", "{}", "\"x\"", "{\"a\":", "\u0000",
                "{\"title\":null,\"description\":null,\"source\":null,\"target\":null,\"state\":null,"
                        + "\"vote\":null,\"method\":null,\"body\":null,\"branches\":null,\"changesOnly\":null,"
                        + "\"methods\":null,\"requiredApprovals\":null,\"keepVotes\":null,\"path\":null,\"line\":null}",
                "{\"title\":[],\"description\":{},\"source\":[1],\"target\":1,\"state\":7,\"vote\":{},"
                        + "\"method\":1,\"body\":[],\"branches\":[null],\"changesOnly\":[null],\"methods\":[null],"
                        + "\"requiredApprovals\":\"many\",\"keepVotes\":\"yes\",\"line\":-1,\"iteration\":0}",
                "{\"requiredApprovals\":99999999999,\"line\":99999999999,\"iteration\":2147483647,"
                        + "\"path\":\"../../etc/passwd\",\"side\":\"left\",\"body\":\"x\"}",
                "{\"title\":\"\\u0000\",\"source\":\"feature\\u0000\",\"target\":\"main/../x\",\"vote\":\"APPROVE\","
                        + "\"method\":\"rebase\",\"state\":\"merged\",\"branches\":[\"\\u0000\"]}");
        String api = "api/v1/changes/" + change;
        List<String[]> endpoints = List.of(new String[] {"POST", "api/v1/projects/" + project + "/changes"},
                new String[] {"PATCH", api}, new String[] {"PUT", api + "/vote"}, new String[] {"POST", api + "/merge"},
                new String[] {"POST", api + "/threads"}, new String[] {"POST", api + "/threads/" + thread + "/comments"},
                new String[] {"POST", api + "/threads/" + thread + "/apply-suggestion"},
                new String[] {"PUT", "api/v1/projects/" + project + "/merge-gates/main"},
                new String[] {"PUT", "api/v1/projects/" + project + "/protected-branches"});
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String body : bodies) {
                HttpResponse<String> response = call(apis.get("owner"), endpoint[0], endpoint[1], body);
                if (response.statusCode() >= 500) {
                    failures.add(endpoint[0] + " " + endpoint[1] + " " + body + ": " + response.statusCode());
                }
            }
        }
        for (String path : List.of(api + "/diff?revision=x", api + "/diff?revision=1&against=-5",
                api + "/diff?revision=99999999999", "api/v1/changes?state=%00", "api/v1/changes?filter=x",
                "api/v1/changes/99999999999999999999", "api/v1/changes/-1/gate", "changes/" + change + "?revision=0",
                "changes/" + change + "?revision=1&against=%00&view=x", "changes?state=%ff")) {
            int status = call(apis.get("owner"), "GET", path, null).statusCode();
            if (status >= 500) {
                failures.add("GET " + path + ": " + status);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The statuses of the callers, in the order of {@link #CALLERS}. */
    private static Map<String, Integer> statuses(int... statuses) {
        Map<String, Integer> byCaller = new LinkedHashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            byCaller.put(CALLERS.get(i), statuses[i]);
        }
        return byCaller;
    }

    private void check(List<String> wrong, String method, String path, String json, Map<String, Integer> expected) {
        expected.forEach((caller, status) -> {
            HttpResponse<String> response = call(apis.get(caller), method, path, json);
            if (response.statusCode() != status) {
                wrong.add(method + " " + path + " as " + caller + ": " + response.statusCode() + " (expected " + status
                        + ") " + abbreviated(response.body()));
            }
        });
    }

    private static HttpResponse<String> call(HttpApi api, String method, String path, String json) {
        return api.send(method, path, json);
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
