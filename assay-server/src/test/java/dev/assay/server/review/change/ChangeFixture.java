package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import dev.assay.server.testing.ForgeFixture;
import dev.assay.server.testing.HttpApi;

/**
 * The forge's server and people, and per test a project of owner olive (maintainer max, reviewer rita; carol and sam
 * have no role) whose main branch holds {@code calc.py} (ten numbered lines).
 */
abstract class ChangeFixture extends ForgeFixture {

    static final String TEN_LINES = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A new project of olive's (max maintainer, rita reviewer), {@code visibility} public or private. */
    String newProject(String visibility) {
        String project = "chg-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        assertThat(send("POST", "api/v1/projects", "olive", "{\"name\":\"" + project + "\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "api/v1/projects/" + project + "/roles/max", "olive", "{\"role\":\"maintainer\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "api/v1/projects/" + project + "/roles/rita", "olive", "{\"role\":\"reviewer\"}")
                .statusCode()).isEqualTo(200);
        if (visibility.equals("private")) {
            assertThat(send("PUT", "api/v1/projects/" + project + "/visibility", "olive",
                    "{\"visibility\":\"private\"}").statusCode()).isEqualTo(200);
        }
        return project;
    }

    /** A work tree of the project with main (calc.py) pushed, then on a new branch {@code branch}. */
    Path workTree(String project, String branch) {
        Path work = scratch.resolve(project + "-" + SEQUENCE.incrementAndGet());
        git.run(scratch, "init", "-q", work.toString()).succeeded();
        git.commit(work, "calc.py", TEN_LINES, "Ten lines");
        push(work, project, "main");
        git.run(work, "checkout", "-q", "-b", branch).succeeded();
        return work;
    }

    /** Pushes refspec as max (a maintainer), with his password. */
    void push(Path work, String project, String refspec) {
        git.run(work, "push", "-q", pushUrl(project), refspec).succeeded();
    }

    String pushUrl(String project) {
        return passwordUrl(project, "max");
    }

    /** Opens a change request over the API as the user; its number. */
    long open(String user, String project, String source, String target) {
        HttpResponse<String> opened = send("POST", "api/v1/projects/" + project + "/changes", user,
                "{\"title\":\"Change " + source + "\",\"description\":\"Why: *speed*\",\"source\":\"" + source
                        + "\",\"target\":\"" + target + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return HttpApi.parse(opened.body()).path("number").asLong();
    }

    /** The change request as olive sees it once it has {@code revisions} revisions (pushes are heard later). */
    JsonNode withRevisions(long number, int revisions) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode change = json("olive", "api/v1/changes/" + number);
        while (change.path("revisions").size() < revisions && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            change = json("olive", "api/v1/changes/" + number);
        }
        assertThat(change.path("revisions").size()).as(change.toString()).isEqualTo(revisions);
        return change;
    }

    JsonNode json(String user, String path) {
        HttpResponse<String> response = send("GET", path, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpApi.parse(response.body());
    }

    HttpResponse<String> send(String method, String path, String user, String json) {
        return (user == null ? HttpApi.anonymous(server.url()) : api(user)).send(method, path, json);
    }
}
