package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * A server with the test push subscribers, one user per kind of caller (owner olive, maintainer max,
 * reviewer rita, stranger sam, administrator ada), the real git client, and a new project per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GitFixture {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    TestDatabase database;
    TestServer server;
    Path data;
    Path scratch;
    GitCommand git;

    abstract String databaseKind();

    /** Extra Spring properties of the fixture's server. */
    Map<String, Object> serverProperties() {
        return Map.of();
    }

    @BeforeAll
    void startServer(@TempDir Path temporary) throws IOException {
        data = Files.createDirectories(temporary.resolve("data"));
        scratch = Files.createDirectories(temporary.resolve("scratch"));
        git = new GitCommand(Files.createDirectories(temporary.resolve("home")));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, serverProperties(), PushSubscribers.Recording.class,
                PushSubscribers.FailingOnce.class, PushSubscribers.Blocking.class);
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser("olive", "olive@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("max", "max@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("rita", "rita@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("sam", "sam@example.org", "", PASSWORD, Set.of()));
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

    /** A new empty project created by olive through the API, with max as maintainer and rita as reviewer. */
    String newProject() {
        String project = "git-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        HttpResponse<String> created = send("POST", "api/v1/projects", "olive", PASSWORD, "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("PUT", "api/v1/projects/" + project + "/roles/max", "olive", PASSWORD, "{\"role\":\"maintainer\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "api/v1/projects/" + project + "/roles/rita", "olive", PASSWORD, "{\"role\":\"reviewer\"}")
                .statusCode()).isEqualTo(200);
        return project;
    }

    /** A new API token of the user. */
    String token(String user, String project, TokenScope... scopes) {
        return server.bean(TokenService.class).create(new NewToken(user, "git test", project, Set.of(scopes))).secret();
    }

    /** The anonymous clone URL of the project. */
    String anonymousUrl(String project) {
        return server.url() + "git/" + project + ".git";
    }

    /** The URL of the project with a token as credentials, as git users write it. */
    String tokenUrl(String project, String token) {
        return "http://__token__:" + token + "@127.0.0.1:" + server.port() + "/git/" + project + ".git";
    }

    /** The URL of the project with the user's password as credentials. */
    String passwordUrl(String user, String project) {
        return "http://" + user + ":correct%20horse%20battery@127.0.0.1:" + server.port() + "/git/" + project + ".git";
    }

    /** The commit a ref (a full name) of the project's repository points at, as git lists it; empty if none. */
    String remoteRef(String project, String ref) {
        String line = git.run(scratch, "ls-remote", anonymousUrl(project), ref).succeeded().output();
        return line.isBlank() ? "" : line.substring(0, 40);
    }

    /** The project named so. */
    Project project(String name) {
        return server.bean(ProjectService.class).project(name);
    }

    /** A clone of the project's repository in a new directory, made anonymously. */
    Path cloned(String project) {
        Path directory = scratch.resolve(project + "-" + SEQUENCE.incrementAndGet());
        git.run(scratch, "clone", "-q", anonymousUrl(project), directory.toString()).succeeded();
        return directory;
    }

    /** Where the server keeps the project's bare repository. */
    Path bareRepository(String project) {
        return data.resolve("git").resolve(project + ".git");
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, null);
    }

    HttpResponse<String> send(String method, String path, String user, String password, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
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
