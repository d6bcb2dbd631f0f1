package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.assay.server.testing.HttpApi;

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
        long onLine8 = comment(number, 1, 8);

        String second = git.commit(work, "calc.py", TEN_LINES.replace("line 2\n", "line two\n")
                .replace("line 5\n", "line five\n"), "Five in words");
        push(work, project, "feature");
        assertThat(withRevisions(number, 2).path("revisions").get(1).path("commit").asString()).isEqualTo(second);
        JsonNode thread = placed(number, 2, onLine8);
        assertThat(thread.path("line").asInt()).isEqualTo(8);
        assertThat(thread.path("outdated").asBoolean()).isFalse();

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
        assertThat(send("GET", "api/v1/changes/" + number + "/diff?revision=9", null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "api/v1/changes/" + number + "/diff?against=x", null, null).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "api/v1/changes/99999999999999999999", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "api/v1/changes/abc", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "api/v1/changes/" + (number + 1000), null, null).statusCode()).isEqualTo(404);
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

    private long comment(long number, int revision, int line) {
        HttpResponse<String> created = send("POST", "api/v1/changes/" + number + "/threads", "rita", "{\"body\":\"Why this?\","
                + "\"path\":\"calc.py\",\"line\":" + line + ",\"side\":\"new\",\"iteration\":" + revision + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return HttpApi.parse(created.body()).path("id").asLong();
    }

    private JsonNode placed(long number, int revision, long thread) {
        return json("olive", "api/v1/changes/" + number + "/threads/" + thread + "?iteration=" + revision);
    }
}
