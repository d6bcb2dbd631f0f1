package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;

/**
 * Change requests driven with the real git client and the REST API: opening from a branch, revisions from pushes
 * and their refs (kept after a force-push), the diff and the interdiff, threads following or outdated.
 */
abstract class ChangeRequestContract extends ChangeFixture {

    @Test
    void pushesAddRevisionsWhoseRefsDiffsAndThreadsFollow() throws Exception {
        String project = newProject("public");
        Path work = workTree(project, "feature");
        String first = git.commit(work, "calc.py", TEN_LINES.replace("line 2\n", "line two\n"), "Two in words");
        push(work, project, "feature");
        long number = open("max", project, "feature", "main");
        JsonNode opened = withRevisions(number, 1);
        assertThat(opened.path("source").asString()).isEqualTo("feature");
        assertThat(opened.path("state").asString()).isEqualTo("open");
        assertThat(opened.path("revisions").get(0).path("ref").asString()).isEqualTo("refs/changes/" + number + "/1");
        assertThat(opened.path("revisions").get(0).path("commit").asString()).isEqualTo(first);
        assertThat(lines(diff(number, "revision=1"))).containsExactly("-line 2", "+line two");
        long onLine8 = comment(number, 1, 8, "new");
        long onOldLine2 = comment(number, 1, 2, "old");

        String second = git.commit(work, "calc.py", TEN_LINES.replace("line 2\n", "line two\n")
                .replace("line 5\n", "line five\n"), "Five in words");
        push(work, project, "feature");
        assertThat(withRevisions(number, 2).path("revisions").get(1).path("commit").asString()).isEqualTo(second);
        JsonNode thread = placed(number, 2, onLine8);
        assertThat(thread.path("line").asInt()).isEqualTo(8);
        assertThat(thread.path("outdated").asBoolean()).isFalse();
        assertThat(placed(number, 1, onOldLine2).path("line").asInt()).isEqualTo(2);

        git.run(work, "reset", "-q", "--hard", "main").succeeded();
        String third = git.commit(work, "calc.py", TEN_LINES.replace("line 8\n", "line eight\n"), "Only eight");
        push(work, project, "+feature");
        withRevisions(number, 3);
        assertThat(placed(number, 3, onLine8).path("outdated").asBoolean()).isTrue();
        assertThat(lines(diff(number, "revision=3&against=1")))
                .containsExactly("-line two", "+line 2", "-line 8", "+line eight");
        assertThat(lines(diff(number, "revision=3"))).containsExactly("-line 8", "+line eight");

        Path fetcher = scratch.resolve(project + "-fetcher");
        git.run(scratch, "init", "-q", fetcher.toString()).succeeded();
        for (int revision = 1; revision <= 3; revision++) {
            git.run(fetcher, "fetch", "-q", server.url() + "git/" + project + ".git",
                    "refs/changes/" + number + "/" + revision + ":refs/heads/r" + revision).succeeded();
        }
        assertThat(List.of(git.head(fetcher, "r1"), git.head(fetcher, "r2"), git.head(fetcher, "r3")))
                .containsExactly(first, second, third);
    }

    @Test
    void theDiffRefusesUnknownRevisionsAndGarbage() {
        String project = newProject("public");
        Path work = workTree(project, "topic");
        git.commit(work, "calc.py", TEN_LINES + "line 11\n", "Eleven");
        push(work, project, "topic");
        long number = open("carol", project, "topic", "main");
        assertThat(status("GET", "api/v1/changes/" + number + "/diff?revision=9", null, null))
                .isEqualTo(404);
        assertThat(status("GET", "api/v1/changes/" + number + "/diff?against=x", null, null))
                .isEqualTo(400);
        assertThat(status("GET", "api/v1/changes/99999999999999999999", null, null)).isEqualTo(400);
        assertThat(status("GET", "api/v1/changes/abc", null, null)).isEqualTo(400);
        assertThat(status("GET", "api/v1/changes/" + (number + 1000), null, null)).isEqualTo(404);
    }

    @Test
    void authorsAndMaintainersEditCloseAndReopenOthersAreRefused() throws Exception {
        String project = newProject("public");
        assertThat(status("PUT", "api/v1/watching/projects/" + project, "olive", null)).isEqualTo(200);
        Path work = workTree(project, "topic");
        git.commit(work, "calc.py", TEN_LINES + "line 11\n", "Eleven");
        push(work, project, "topic");
        long number = open("carol", project, "topic", "main");
        String path = "api/v1/changes/" + number;
        git.commit(work, "calc.py", TEN_LINES + "line 11\nline 12\n", "Twelve");
        push(work, project, "topic");
        withRevisions(number, 2);
        assertThat(headlines("carol")).contains("max added revision 2 to change request #" + number + " of " + project);

        assertThat(status("PATCH", path, "carol", "{\"title\":\"Eleven lines\"}")).isEqualTo(200);
        assertThat(status("PATCH", path, "max", "{\"description\":\"Checked\"}")).isEqualTo(200);
        assertThat(status("PATCH", path, "rita", "{\"title\":\"Mine now\"}")).isEqualTo(403);
        assertThat(status("PATCH", path, "sam", "{\"state\":\"closed\"}")).isEqualTo(403);
        assertThat(status("PATCH", path, null, "{\"state\":\"closed\"}")).isEqualTo(401);
        assertThat(status("POST", "api/v1/projects/" + project + "/changes", null, "{}")).isEqualTo(401);
        JsonNode edited = json("sam", path);
        assertThat(edited.path("title").asString()).isEqualTo("Eleven lines");
        assertThat(edited.path("description").asString()).isEqualTo("Checked");

        assertThat(status("PATCH", path, "carol", "{\"state\":\"closed\"}")).isEqualTo(200);
        assertThat(headlines("olive")).contains("carol opened change request #" + number + " of " + project,
                "carol closed change request #" + number + " of " + project);
        long again = open("carol", project, "topic", "main");
        assertThat(status("PATCH", path, "olive", "{\"state\":\"open\"}")).isEqualTo(409);
        assertThat(status("PATCH", "api/v1/changes/" + again, "olive", "{\"state\":\"closed\"}")).isEqualTo(200);
        assertThat(status("PATCH", path, "olive", "{\"state\":\"open\"}")).isEqualTo(200);

        String list = "api/v1/changes?project=" + project;
        assertThat(numbers("sam", list)).containsExactly(number);
        assertThat(numbers("sam", list + "&state=all")).containsExactly(again, number);
        assertThat(numbers("sam", list + "&state=closed")).containsExactly(again);
        assertThat(numbers("carol", list + "&state=all&filter=mine")).containsExactly(again, number);
        assertThat(numbers("rita", list + "&filter=needs-my-review")).containsExactly(number);
        assertThat(numbers("carol", list + "&filter=needs-my-review")).isEmpty();
        assertThat(numbers("sam", list + "&filter=needs-my-review")).isEmpty();
        assertThat(json("sam", list).path("changes").get(0).path("unresolvedThreads").asLong()).isZero();
    }

    @Test
    void aPrivateProjectsChangeRequestsStaySecretAndBadInputIsRefused() {
        String project = newProject("private");
        Path work = workTree(project, "hidden");
        git.commit(work, "calc.py", TEN_LINES + "line 11\n", "Eleven");
        push(work, project, "hidden");
        long number = open("max", project, "hidden", "main");

        assertThat(status("GET", "api/v1/changes/" + number, "sam", null)).isEqualTo(404);
        assertThat(status("PATCH", "api/v1/changes/" + number, "sam", "{\"state\":\"closed\"}")).isEqualTo(404);
        assertThat(status("GET", "api/v1/changes/" + number + "/diff", null, null)).isEqualTo(404);
        assertThat(status("GET", "api/v1/changes/" + number + "/threads", "sam", null)).isEqualTo(404);
        assertThat(numbers("sam", "api/v1/changes?state=all&project=" + project)).isEmpty();
        assertThat(numbers("rita", "api/v1/changes?state=all&project=" + project)).containsExactly(number);
        assertThat(status("GET", "api/v1/reviews/" + number + "/threads", "olive", null)).isEqualTo(404);

        String opening = "api/v1/projects/" + project + "/changes";
        assertThat(status("POST", opening, "sam", "{\"title\":\"t\",\"source\":\"hidden\",\"target\":\"main\"}"))
                .isEqualTo(404);
        assertThat(status("POST", opening, "max", "{\"title\":\"" + "t".repeat(301)
                + "\",\"source\":\"hidden\",\"target\":\"main\"}")).isEqualTo(400);
        assertThat(status("POST", opening, "max", "{\"title\":\"a\\u0000b\",\"description\":\"c\\u0000\","
                + "\"source\":\"hidden\",\"target\":\"main\"}")).isEqualTo(400);
        assertThat(status("POST", opening, "max", "{\"title\":\"t\",\"source\":\"nowhere\",\"target\":\"main\"}"))
                .isEqualTo(400);
        assertThat(status("POST", opening, "max", "{\"title\":\"t\",\"source\":\"hidden\",\"target\":\"main\"}"))
                .isEqualTo(409);
        assertThat(status("POST", opening, "max", "not json")).isEqualTo(400);
        assertThat(status("PATCH", "api/v1/changes/" + number, "max", "{\"state\":\"merged\"}")).isEqualTo(400);
        assertThat(status("GET", "api/v1/changes?state=bogus", "max", null)).isEqualTo(400);
    }

    @Test
    void pagesShowTheListTheDiffsAndTakeCommentsAndChanges() {
        String project = newProject("public");
        Path work = workTree(project, "pages");
        git.commit(work, "calc.py", TEN_LINES.replace("line 3\n", "line <b>three</b>\n"), "Three");
        push(work, project, "pages");
        WebSession max = new WebSession(server.url());
        max.logIn("max", PASSWORD);
        Document form = max.page("project/" + project + "/changes/new");
        assertThat(form.select("#change-source option").eachText()).containsExactly("main", "pages");
        HttpResponse<String> opened = max.submit("project/" + project + "/changes/new", "#new-change",
                Map.of("title", "Bold <three>", "description", "See **this**", "source", "pages", "target", "main"));
        assertThat(opened.uri().getPath()).matches("/changes/\\d+");
        String page = opened.uri().getPath().substring(1);
        long number = Long.parseLong(page.substring("changes/".length()));

        WebSession anonymous = new WebSession(server.url());
        Document list = anonymous.page("changes?project=" + project);
        assertThat(list.select("#change-" + number).text()).contains("Bold <three>", "pages", "main", "max");
        Document unified = anonymous.page(page);
        assertThat(unified.select("#change-title").text()).contains("Bold <three>");
        assertThat(unified.select("#change-description strong").text()).isEqualTo("this");
        assertThat(unified.select("#revision-1 .fetch").text())
                .isEqualTo("git fetch " + server.url() + "git/" + project + ".git refs/changes/" + number + "/1");
        assertThat(unified.select("table.unified tr.added code").text()).isEqualTo("line <b>three</b>");
        Document split = anonymous.page(page + "?view=split");
        assertThat(split.select("table.split td.text.new.added code").text()).isEqualTo("line <b>three</b>");
        assertThat(split.select("table.split td.text.old.removed code").text()).isEqualTo("line 3");
        assertThat(anonymous.get(page + "?view=sideways").statusCode()).isEqualTo(400);
        assertThat(anonymous.get(page + "?revision=abc").statusCode()).isEqualTo(400);
        assertThat(anonymous.get(page + "?revision=2").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("changes/abc").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("changes?state=x%00").statusCode()).isEqualTo(400);
        assertThat(anonymous.get(page + "/conversation/box?iteration=1&path=calc.py&line=3").statusCode())
                .isNotEqualTo(200);
        assertThat(anonymous.page("project/" + project + "/source").select("#open-changes").text()).isEqualTo("1 open");

        WebSession rita = new WebSession(server.url());
        rita.logIn("rita", PASSWORD);
        String box = page + "/conversation/box?iteration=1&path=calc.py&line=3&side=new&back=/" + page;
        assertThat(rita.page(box).select("form").attr("action")).endsWith("/" + page + "/conversation/threads");
        HttpResponse<String> commented = rita.submit(box, "form", Map.of("body", "Why bold?"));
        assertThat(Jsoup.parse(commented.body()).select("table.unified .line-threads .thread").text())
                .contains("Why bold?");
        assertThat(rita.get("reviews/" + number + "/conversation").statusCode()).isEqualTo(404);
        Document asRita = Jsoup.parse(rita.get(page + "?view=split").body());
        assertThat(asRita.select("#line-0-old-3").attr("hx-get")).contains("side=old");
        assertThat(asRita.select("#line-0-new-3").attr("hx-get")).contains("side=new");
        assertThat(Jsoup.parse(rita.get(page).body()).select("#close-change")).isEmpty();

        HttpResponse<String> closed = max.submit(page, "#close-change", Map.of());
        assertThat(Jsoup.parse(closed.body()).select("#change-state").text()).isEqualTo("closed");
        assertThat(max.post(server.url() + page + "/reopen", Map.of()).statusCode()).isEqualTo(403);
    }

    private int status(String method, String path, String user, String json) {
        HttpResponse<String> response = send(method, path, user, json);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                    .contains("problem+json");
        }
        return response.statusCode();
    }

    private List<String> headlines(String user) {
        List<String> found = new ArrayList<>();
        json(user, "api/v1/notifications").path("notifications").forEach(notice -> found.add(
                notice.path("headline").asString()));
        return found;
    }

    private List<Long> numbers(String user, String path) {
        List<Long> found = new ArrayList<>();
        json(user, path).path("changes").forEach(change -> found.add(change.path("number").asLong()));
        return found;
    }

    private JsonNode diff(long number, String query) {
        return json("olive", "api/v1/changes/" + number + "/diff?" + query);
    }

    /** The added and removed lines of the diff, signed, file by file. */
    private static List<String> lines(JsonNode diff) {
        List<String> changed = new ArrayList<>();
        for (JsonNode file : diff.path("files")) {
            for (JsonNode line : file.path("lines")) {
                String kind = line.path("kind").asString();
                if (!kind.equals("context")) {
                    changed.add((kind.equals("added") ? "+" : "-") + line.path("text").asString());
                }
            }
        }
        return changed;
    }

    private long comment(long number, int revision, int line, String side) {
        HttpResponse<String> created = send("POST", "api/v1/changes/" + number + "/threads", "rita", "{\"body\":\"Why this?\","
                + "\"path\":\"calc.py\",\"line\":" + line + ",\"side\":\"" + side + "\",\"iteration\":" + revision + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return HttpApi.parse(created.body()).path("id").asLong();
    }

    private JsonNode placed(long number, int revision, long thread) {
        return json("olive", "api/v1/changes/" + number + "/threads/" + thread + "?iteration=" + revision);
    }
}
