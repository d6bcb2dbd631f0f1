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
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.background.BackgroundPasses;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** Git hosting on a server with default settings, restarted over the same data directory and database. */
abstract class DefaultServerContract {

    private static final String PASSWORD = "correct horse battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    TestDatabase database;
    TestServer server;

    abstract String databaseKind();

    @BeforeEach
    void startServer() {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("olive", "olive@example.org", "", PASSWORD, Set.of()));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void createsTheMissingRepositoriesOfExistingProjectsAtStartUp() throws IOException {
        assertThat(post("api/v1/projects", "{\"name\":\"Lost.Repo\"}").statusCode()).isEqualTo(201);
        Path repository = data.resolve("git").resolve("lost-repo.git");
        assertThat(repository.resolve("HEAD")).isRegularFile();

        server.close();
        server = null;
        FileSystemUtils.deleteRecursively(repository);
        assertThat(repository).doesNotExist();
        server = TestServer.start(data, database);
        server.bean(BackgroundPasses.class).awaitQueued(Duration.ofMinutes(1));

        assertThat(repository.resolve("HEAD")).isRegularFile();
        assertThat(Files.readString(repository.resolve("HEAD"))).isEqualTo("ref: refs/heads/main\n");
    }

    @Test
    void aProjectWhoseRepositoryIsMissingIsClonedAndPushedWithoutWaitingForTheBackgroundPass() throws IOException {
        assertThat(post("api/v1/projects", "{\"name\":\"on-demand\"}").statusCode()).isEqualTo(201);
        server.bean(BackgroundPasses.class).awaitQueued(Duration.ofMinutes(1));
        Path repository = data.resolve("git").resolve("on-demand.git");
        FileSystemUtils.deleteRecursively(repository);
        GitCommand git = new GitCommand(Files.createDirectories(data.resolve("git-home")));
        Path clone = data.resolve("on-demand-clone");

        git.run(data, "clone", "-q", server.url() + "git/on-demand.git", clone.toString()).succeeded();
        git.commit(clone, "README.md", "hello\n", "Readme");
        git.run(clone, "push", "-q", "http://olive:" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port()
                + "/git/on-demand.git", "HEAD:refs/heads/main").succeeded();

        assertThat(repository.resolve("HEAD")).isRegularFile();
        assertThat(repository.resolve("refs/heads/main")).as("the pushed branch, loose or packed")
                .satisfiesAnyOf(ref -> assertThat(ref).isRegularFile(),
                        ref -> assertThat(repository.resolve("packed-refs")).content().contains("refs/heads/main"));
    }

    @Test
    void removesWhatAPushCutShortLeftInARepositoryAtStartUp() throws IOException {
        assertThat(post("api/v1/projects", "{\"name\":\"cut-short\"}").statusCode()).isEqualTo(201);
        Path objects = data.resolve("git").resolve("cut-short.git").resolve("objects");
        server.close();
        server = null;
        Path pack = Files.write(objects.resolve("incoming_4711.pack"), new byte[] {'P', 'A', 'C', 'K'});
        Path index = Files.write(objects.resolve("incoming_4711.idx"), new byte[] {-1, 't', 'O', 'c'});
        Path lock = Files.writeString(objects.resolve("pack/pack-0123456789abcdef0123456789abcdef01234567.keep"),
                "jgit receive-pack from olive <olive@example.org> 1765000000 +0000\n");
        Path kept = Files.writeString(objects.resolve("pack/pack-89abcdef0123456789abcdef0123456789abcdef.keep"),
                "kept by the administrator\n");

        server = TestServer.start(data, database);
        server.bean(BackgroundPasses.class).awaitQueued(Duration.ofMinutes(1));

        assertThat(pack).doesNotExist();
        assertThat(index).doesNotExist();
        assertThat(lock).doesNotExist();
        assertThat(kept).hasContent("kept by the administrator");
    }

    @Test
    void refusesLocalMirrorsUnlessAnAdministratorAllowsThem() {
        assertThat(post("api/v1/projects", "{\"name\":\"local-mirrors\"}").statusCode()).isEqualTo(201);
        Path local = data.resolve("elsewhere.git");

        for (String url : new String[] {local.toString(), local.toUri().toString()}) {
            HttpResponse<String> refused = post("api/v1/projects/local-mirrors/mirrors", "{\"url\":\"" + url + "\"}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).contains("Local mirrors", "are not allowed on this server",
                    "assay.git.mirror.allow-local=true");
        }
        assertThat(post("api/v1/projects/local-mirrors/mirrors", "{\"url\":\"https://example.org/x.git\"}")
                .statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("olive:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("request failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
