package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.git.GitCommand;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * A server with owner olive, maintainer max, reviewer rita, contributor carol and stranger sam, the real git client,
 * and per test a project whose main branch holds {@code calc.py} (ten numbered lines).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChangeFixture {

    static final String PASSWORD = "correct horse battery";
    static final String TEN_LINES = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    TestDatabase database;
    TestServer server;
    Path scratch;
    GitCommand git;

    abstract String databaseKind();

    /** Extra Spring properties of the fixture's server. */
    Map<String, Object> serverProperties() {
        return Map.of();
    }

    @BeforeAll
    void startServer(@TempDir Path temporary) throws IOException {
        Path data = Files.createDirectories(temporary.resolve("data"));
        scratch = Files.createDirectories(temporary.resolve("scratch"));
        git = new GitCommand(Files.createDirectories(temporary.resolve("home")));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, serverProperties());
        AccountService accounts = server.bean(AccountService.class);
        for (String name : new String[] {"olive", "max", "rita", "carol", "sam"}) {
            accounts.create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of()));
        }
        accounts.create(new NewUser("ada", "ada@example.org", "", PASSWORD, Set.of(Group.ADMINS)));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

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
        return "http://max:correct%20horse%20battery@127.0.0.1:" + server.port() + "/git/" + project + ".git";
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("request failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
