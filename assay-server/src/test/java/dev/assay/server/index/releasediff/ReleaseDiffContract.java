package dev.assay.server.index.releasediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Visibility;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/**
 * Release diffs over two real releases built in the test (1.1 adds a file, changes one and removes one): the
 * release page's summary, the diff page, inline comments through the form and the API, access and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseDiffContract {

    private static final String PASSWORD = "correct horse battery";
    private static final String CORE = "sdist/diff_app/core.py";

    private TestDatabase database;
    private TestServer server;
    private WebSession anonymous;
    private long diffNumber;

    abstract String databaseKind();

    @BeforeAll
    void upload(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of());
        anonymous = new WebSession(server.url());
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("bob", "bob@example.org", "", PASSWORD, Set.of()));
        upload(build, "1.0", Map.of("diff_app/core.py", core("1.0"), "diff_app/legacy.py", "OLD = True\n"));
        upload(build, "1.1", Map.of("diff_app/core.py", core("1.1"), "diff_app/fresh.py", "NEW = True\n"));
        TestDistributions.Spec secret = new TestDistributions.Spec("hidden-diff", "1.0", List.of("Summary: h"), "h");
        secret.upload(TestDistributions.sdist(build, secret), server.url(), "alice", PASSWORD);
        server.bean(ProjectRepository.class).setVisibility(
                server.bean(ProjectService.class).project("hidden-diff").id(), Visibility.PRIVATE);
        diffNumber = api("alice").json("api/v1/projects/diff-app/1.1/diff").get("discussion").asLong();
    }

    private void upload(Path build, String version, Map<String, String> files) {
        upload(build, "diff-app", version, files);
    }

    private void upload(Path build, String name, String version, Map<String, String> files) {
        PythonDistributions.Built built = PythonDistributions.build(build,
                PythonDistributions.Spec.of(name, version).withFiles(files));
        PythonTools.twineUpload(server.url(), "alice", PASSWORD, built.wheel(), built.sdist()).assertSucceeded();
    }

    private static String core(String version) {
        String body = "def greet():\n    return 'hello'\n\n\ndef shout(text):\n    return text.upper()\n";
        return version.equals("1.0") ? body : body.replace("text.upper()", "text.upper() + '!'");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private HttpApi api(String user) {
        return new HttpApi(server.url(), user, PASSWORD);
    }

    @Test
    void releasePageCountsChangesPerDistributionKind() {
        Document page = anonymous.page("project/diff-app/1.1/");
        assertThat(page.select("#release-diff-previous").text()).isEqualTo("1.0");
        Element sdist = page.selectFirst("#release-diff-counts tr[data-kind=sdist]");
        assertThat(sdist).isNotNull();
        assertThat(sdist.select("td.added").text()).isEqualTo("1");
        assertThat(sdist.select("td.removed").text()).isEqualTo("1");
        assertThat(Integer.parseInt(sdist.select("td.changed").text())).isGreaterThanOrEqualTo(2); // core.py, PKG-INFO
        // the wheel's NAME-VERSION.dist-info folder is compared under one name: METADATA and RECORD are changed
        Element wheel = page.selectFirst("#release-diff-counts tr[data-kind=wheel/py3-none-any]");
        assertThat(wheel).isNotNull();
        assertThat(wheel.select("td.added").text()).isEqualTo("1");
        assertThat(wheel.select("td.removed").text()).isEqualTo("1");
        assertThat(Integer.parseInt(wheel.select("td.changed").text())).isGreaterThanOrEqualTo(3); // core.py, METADATA, RECORD
        assertThat(page.select("#release-diff-link").attr("href")).isEqualTo("/project/diff-app/1.1/diff");
        assertThat(anonymous.page("project/diff-app/1.0/").select("#release-diff-first").text())
                .isEqualTo("This is the first release.");
    }

    @Test
    void diffPageShowsTheChangedLinesOfEachFile() {
        Document page = anonymous.page("project/diff-app/1.1/diff");
        assertThat(page.location()).endsWith("/diffs/" + diffNumber);
        assertThat(page.select("#previous").text()).isEqualTo("1.0");
        assertThat(page.select("article[data-path=sdist/diff_app/fresh.py]").attr("data-change")).isEqualTo("added");
        assertThat(page.select("article[data-path=sdist/diff_app/legacy.py]").attr("data-change"))
                .isEqualTo("removed");
        Element core = page.selectFirst("article[data-path=" + CORE + "]");
        assertThat(core.attr("data-change")).isEqualTo("changed");
        assertThat(core.select("tr.added td.text code").eachText()).contains("return text.upper() + '!'");
        assertThat(core.select("tr.removed td.text code").eachText()).contains("return text.upper()");
        assertThat(page.select("a.line-number")).as("anonymous readers get no comment links").isEmpty();
    }

    @Test
    void commentThroughTheFormShowsAtItsLineAndInTheApi() {
        WebSession bob = new WebSession(server.url());
        bob.logIn("bob", PASSWORD);
        Document page = bob.page("diffs/" + diffNumber);
        String link = page.select("article[data-path=" + CORE + "] a.line-number").stream()
                .filter(a -> a.id().endsWith("-new-6")).findFirst().orElseThrow().attr("href");
        assertThat(bob.get(link.replace("/conversation/new", "/conversation/box")).body())
                .as("the box htmx opens in place").contains("class=\"comment-box");
        HttpResponse<String> forged = bob.post("diffs/" + diffNumber + "/conversation/threads", Map.of("body", "x",
                "iteration", "1", "path", CORE, "line", "6", "side", "new"));
        assertThat(forged.statusCode()).as("without the CSRF token").isEqualTo(403);
        HttpResponse<String> posted = bob.submit(link, "form.comment-box", Map.of("body", "Why the **bang**?"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.uri().getPath()).isEqualTo("/diffs/" + diffNumber);

        Document after = bob.page("diffs/" + diffNumber);
        Element row = after.select("article[data-path=" + CORE + "] tr").stream()
                .filter(tr -> tr.select("td.num.new").text().equals("6")).findFirst().orElseThrow();
        assertThat(row.select(".line-threads .comment-body strong").text()).isEqualTo("bang");

        JsonNode diff = api("bob").json("api/v1/projects/diff-app/1.1/diff");
        JsonNode thread = findThread(diff, "Why the **bang**?");
        assertThat(thread.get("anchor").get("path").asText()).isEqualTo(CORE);
        assertThat(thread.get("anchor").get("line").asInt()).isEqualTo(6);
        assertThat(thread.get("anchor").get("side").asText()).isEqualTo("new");
        assertThat(anonymous.page("diffs/" + diffNumber).select(".line-threads .comment-body").text())
                .contains("bang");
    }

    @Test
    void oldSideThreadsRepliesAndResolvingGoThroughTheThreadApi() {
        HttpResponse<String> created = api("bob").post("api/v1/diffs/" + diffNumber + "/threads",
                "{\"body\":\"Where did this go?\",\"path\":\"sdist/diff_app/legacy.py\",\"line\":1,\"side\":\"old\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long thread = HttpApi.parse(created.body()).get("id").asLong();
        assertThat(api("alice").post("api/v1/diffs/" + diffNumber + "/threads/" + thread + "/comments",
                "{\"body\":\"Moved into core.\"}").statusCode()).isEqualTo(201);
        assertThat(api("alice").post("api/v1/diffs/" + diffNumber + "/threads/" + thread + "/resolve", "{}")
                .statusCode()).isEqualTo(200);

        Element shown = anonymous.page("diffs/" + diffNumber).selectFirst("#thread-" + thread);
        assertThat(shown.closest("article.file-diff").attr("data-path")).isEqualTo("sdist/diff_app/legacy.py");
        assertThat(shown.select(".comment-body").eachText()).containsExactly("Where did this go?", "Moved into core.");
        assertThat(shown.hasClass("resolved")).isTrue();
        JsonNode listed = findThread(api("alice").json("api/v1/projects/diff-app/1.1/diff"), "Where did this go?");
        assertThat(listed.get("resolved").asBoolean()).isTrue();
    }

    @Test
    void apiGivesThePreviousVersionCountsAndFileStatuses() {
        JsonNode diff = HttpApi.anonymous(server.url()).json("api/v1/projects/diff-app/1.1/diff");
        assertThat(diff.get("previous").asText()).isEqualTo("1.0");
        assertThat(diff.get("summary").get(0).get("kind").asText()).isEqualTo("sdist");
        Map<String, String> statuses = new java.util.HashMap<>();
        diff.get("files").forEach(file -> statuses.put(file.get("path").asText(), file.get("status").asText()));
        assertThat(statuses).containsEntry("sdist/diff_app/fresh.py", "added")
                .containsEntry("sdist/diff_app/legacy.py", "removed").containsEntry(CORE, "changed")
                .containsEntry("wheel/py3-none-any/diff_app/fresh.py", "added");
        JsonNode first = HttpApi.anonymous(server.url()).json("api/v1/projects/diff-app/1.0/diff");
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("files")).isEmpty();
    }

    @Test
    void privateProjectDiffsAreHiddenFromOutsiders() {
        HttpApi outsider = HttpApi.anonymous(server.url());
        assertThat(outsider.get("api/v1/projects/hidden-diff/1.0/diff").statusCode()).isEqualTo(401);
        assertThat(api("bob").get("api/v1/projects/hidden-diff/1.0/diff").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("project/hidden-diff/1.0/diff").statusCode()).isEqualTo(404);
        long hidden = api("alice").json("api/v1/projects/hidden-diff/1.0/diff").get("discussion").asLong();
        assertThat(anonymous.get("diffs/" + hidden).statusCode()).isEqualTo(404);
        assertThat(api("bob").get("api/v1/diffs/" + hidden + "/threads").statusCode()).isEqualTo(404);
        assertThat(api("bob").post("api/v1/diffs/" + hidden + "/threads", "{\"body\":\"hi\"}").statusCode())
                .isEqualTo(404);
        assertThat(api("alice").get("api/v1/diffs/" + hidden + "/threads").statusCode()).isEqualTo(200);
    }

    @Test
    void badLinesPathsAndNumbersAreRefusedWithClearMessages() {
        String threads = "api/v1/diffs/" + diffNumber + "/threads";
        HttpResponse<String> outOfRange = api("bob").post(threads,
                "{\"body\":\"x\",\"path\":\"" + CORE + "\",\"line\":999}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("Line 999 is out of range");
        HttpResponse<String> noFile = api("bob").post(threads,
                "{\"body\":\"x\",\"path\":\"sdist/diff_app/fresh.py\",\"line\":1,\"side\":\"old\"}");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("no text file 'sdist/diff_app/fresh.py'");
        assertThat(api("bob").post(threads, "{\"body\":\"x\",\"path\":\"" + CORE + "\",\"line\":1,\"iteration\":2}")
                .statusCode()).isEqualTo(400);
        assertThat(anonymous.get("project/diff-app/9.9/diff").statusCode()).isEqualTo(404);
        assertThat(HttpApi.anonymous(server.url()).get("api/v1/projects/diff-app/9.9/diff").statusCode())
                .isEqualTo(404);
        assertThat(anonymous.get("diffs/not-a-number").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("diffs/999999").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("reviews/" + diffNumber + "/conversation").statusCode()).isEqualTo(404);
    }

    @Test
    void packageReviewPageListsTheThreadsOnItsReleasesDiffs(@TempDir Path build) {
        upload(build, "held-diff", "1.0", Map.of("held_diff/core.py", "A = 1\n"));
        // the project goes under review, as a held project's is: its next upload is the review's first iteration
        JdbcClient jdbc = server.bean(JdbcClient.class);
        jdbc.sql("UPDATE projects SET held = TRUE WHERE normalized_name = 'held-diff'").update();
        upload(build, "held-diff", "1.1", Map.of("held_diff/core.py", "A = 2\n"));
        long review = jdbc.sql("SELECT r.discussion_id FROM package_reviews r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.normalized_name = 'held-diff'").query(Long.class).single();
        long number = api("alice").json("api/v1/projects/held-diff/1.1/diff").get("discussion").asLong();
        HttpResponse<String> created = api("alice").post("api/v1/diffs/" + number + "/threads",
                "{\"body\":\"Is 2 right?\",\"path\":\"sdist/held_diff/core.py\",\"line\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        WebSession alice = new WebSession(server.url());
        alice.logIn("alice", PASSWORD);
        Element listed = alice.page("reviews/" + review).selectFirst("#release-diff-threads [data-version=1.1]");
        assertThat(listed).isNotNull();
        assertThat(listed.select(".first-comment").text()).isEqualTo("Is 2 right?");
        assertThat(listed.select("li a").attr("href")).startsWith("/diffs/" + number + "#thread-");
        assertThat(anonymous.get("diffs/" + number).statusCode()).as("held: hidden as its project").isEqualTo(404);
    }

    private static JsonNode findThread(JsonNode diff, String firstBody) {
        for (JsonNode thread : diff.get("threads")) {
            if (thread.get("comments").get(0).get("body").asText().equals(firstBody)) {
                return thread;
            }
        }
        throw new AssertionError("no thread starting '" + firstBody + "' in " + diff);
    }
}
