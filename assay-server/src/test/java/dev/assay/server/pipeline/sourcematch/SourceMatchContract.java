package dev.assay.server.pipeline.sourcematch;

import static dev.assay.server.pipeline.sourcematch.SourceJson.differences;
import static dev.assay.server.pipeline.sourcematch.SourceJson.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.git.GitCommand;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Visibility;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/**
 * Releases compared with the commits their versions are tagged at, per database: a real project pushed with git
 * and tagged, its sdists and wheels built with {@code python -m build} and uploaded with twine — one built from its
 * tag, one carrying a file the tag does not hold, one whose version no tag names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourceMatchContract {

    static final String PASSWORD = "correct horse battery";
    static final String PROJECT = "src-demo";
    static final String CORE = "def greet():\n    return 'hello'\n";
    static final String PAYLOAD = "import os\n\nos.system('true')\n";

    TestDatabase database;
    TestServer server;
    WebSession web;
    HttpApi anonymous;
    String tagged;

    abstract String databaseKind();

    @BeforeAll
    void publish(@TempDir Path data, @TempDir Path work) throws IOException {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        web = new WebSession(server.url());
        anonymous = HttpApi.anonymous(server.url());
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        HttpApi alice = new HttpApi(server.url(), "alice", PASSWORD);
        assertThat(alice.post("api/v1/projects", "{\"name\":\"" + PROJECT + "\"}").statusCode()).isEqualTo(201);
        GitCommand git = new GitCommand(Files.createDirectories(work.resolve("home")));
        Path repo = Files.createDirectories(work.resolve("repo"));
        git.run(repo, "init", "-q").succeeded();
        PythonDistributions.Built first = release(git, work, repo, "1.0",
                Map.of("setup.cfg", "[flake8]\nmax-line-length = 100\n"), Set.of(), "v1.0");
        tagged = git.head(repo, "v1.0^{commit}");
        PythonDistributions.Built extra = release(git, work, repo, "1.1",
                Map.of("src_demo/payload.py", PAYLOAD), Set.of("src_demo/payload.py"), "src-demo-1.1");
        PythonDistributions.Built untagged = release(git, work, repo, "1.2", Map.of(), Set.of(), null);
        String remote = "http://alice:" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port() + "/git/"
                + PROJECT + ".git";
        git.run(repo, "push", "-q", remote, "main", "--tags").succeeded();
        for (PythonDistributions.Built built : List.of(first, extra, untagged)) {
            PythonTools.twineUpload(server.url(), "alice", PASSWORD, built.wheel(), built.sdist()).assertSucceeded();
        }
        PythonDistributions.Built secret = PythonDistributions.build(work,
                PythonDistributions.Spec.of("src-secret", "1.0"));
        PythonTools.twineUpload(server.url(), "alice", PASSWORD, secret.sdist()).assertSucceeded();
        long secretId = server.bean(ProjectService.class).project("src-secret").id();
        server.bean(ProjectRepository.class).setVisibility(secretId, Visibility.PRIVATE);
    }

    /**
     * Builds {@code version} with {@code more} files, and commits the project without the {@code unpushed} ones
     * (and without what the build wrote), tagged {@code tag} unless it is null.
     */
    private static PythonDistributions.Built release(GitCommand git, Path work, Path repo, String version,
            Map<String, String> more, Set<String> unpushed, String tag) throws IOException {
        Map<String, String> files = new HashMap<>(more);
        files.put("src_demo/core.py", CORE + "\nVERSION = '" + version + "'\n");
        PythonDistributions.Built built = PythonDistributions.build(work,
                PythonDistributions.Spec.of(PROJECT, version).withFiles(files));
        TaggedSources.commit(git, repo, built.sdist().getParent().getParent(), unpushed, version, tag);
        return built;
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

    private JsonNode source(String version) {
        return anonymous.json("api/v1/projects/" + PROJECT + "/" + version + "/source");
    }

    @Test
    void anSdistAndWheelBuiltFromTheTagMatchTheSource() {
        JsonNode source = source("1.0");

        assertThat(source.get("verdict").asString()).isEqualTo("matches the source");
        assertThat(source.get("tag").asString()).isEqualTo("refs/tags/v1.0");
        assertThat(source.get("commit").asString()).isEqualTo(tagged);
        JsonNode sdist = file(source, ".tar.gz");
        assertThat(sdist.get("verdict").asString()).isEqualTo("matches the source");
        assertThat(differences(sdist)).isEmpty();
        assertThat(sdist.get("matched").asInt()).as("pyproject.toml, README.md and two modules").isEqualTo(4);
        assertThat(sdist.get("generated").toString()).as("setuptools adds its [egg_info] section to the tree's setup.cfg")
                .contains("PKG-INFO", "src_demo.egg-info/SOURCES.txt", "setup.cfg");
        JsonNode wheel = file(source, ".whl");
        assertThat(wheel.get("verdict").asString()).isEqualTo("matches the source");
        assertThat(differences(wheel)).isEmpty();
    }

    @Test
    void anSdistWithAFileTheTagDoesNotHoldDiffersNamingThatFile() {
        JsonNode source = source("1.1");

        assertThat(source.get("verdict").asString()).isEqualTo("differs");
        assertThat(source.get("tag").asString()).isEqualTo("refs/tags/src-demo-1.1");
        assertThat(differences(file(source, ".tar.gz"))).containsExactly("src_demo/payload.py: not in the tagged tree");
        assertThat(differences(file(source, ".whl"))).containsExactly("src_demo/payload.py: not in the tagged tree");
    }

    @Test
    void aReleaseWhoseVersionNoTagNamesHasNoSource() {
        JsonNode source = source("1.2");

        assertThat(source.get("verdict").asString()).isEqualTo("no source");
        assertThat(source.get("tag").isNull()).isTrue();
        assertThat(source.get("files")).isEmpty();
    }

    @Test
    void theReleasePageShowsTheBadgeAndTheDifferences() {
        Document differs = web.page("project/" + PROJECT + "/1.1/");
        Document matches = web.page("project/" + PROJECT + "/1.0/");
        Document none = web.page("project/" + PROJECT + "/1.2/");

        assertThat(differs.getElementById("source-verdict").text()).isEqualTo("differs");
        assertThat(differs.select("#source-match .source-difference")).extracting(element -> element.text())
                .containsExactly("src_demo/payload.py: not in the tagged tree",
                        "src_demo/payload.py: not in the tagged tree");
        assertThat(matches.getElementById("source-verdict").text()).isEqualTo("matches the source");
        assertThat(matches.getElementById("source-commit").text()).isEqualTo(tagged);
        assertThat(none.getElementById("source-verdict").text()).isEqualTo("no source");
        assertThat(none.select("#source-match table")).isEmpty();
    }

    @Test
    void aPrivateProjectsSourceIsHiddenAndUnknownVersionsAreNotFound() {
        assertThat(web.get("project/src-secret/1.0/").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("api/v1/projects/src-secret/1.0/source").statusCode()).isEqualTo(401);
        HttpApi alice = new HttpApi(server.url(), "alice", PASSWORD);
        assertThat(alice.json("api/v1/projects/src-secret/1.0/source").get("verdict").asString())
                .isEqualTo("no source");
        assertThat(anonymous.get("api/v1/projects/" + PROJECT + "/9.9/source").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("api/v1/projects/no-such-project/1.0/source").statusCode()).isEqualTo(404);
    }
}
