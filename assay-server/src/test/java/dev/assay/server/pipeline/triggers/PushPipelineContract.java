package dev.assay.server.pipeline.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.tasks.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;

/** A pipeline per push to a branch, pushed with the real git client: queued once, built from the commit, shown. */
public abstract class PushPipelineContract extends SandboxedFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private GitCommand git;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void gitClient() throws IOException {
        git = new GitCommand(Files.createDirectories(data.resolve("git-home")));
    }

    @Test
    void aPushedProjectIsBuiltIntoAnSdistThenTestedAndAFixPushedLaterPasses() throws Exception {
        String project = newProject();
        String helper = "helper-" + databaseKind();
        Path dependency = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                PythonDistributions.Spec.of(helper, "1.0")).wheel();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dependency).assertSucceeded();
        Path work = cloned(project);
        writePythonProject(work, project, helper, "5");
        String failing = commitAll(work, "A calculator with a wrong test");
        push(work, project, "main");

        JsonNode first = finishedPipelineOf(project, failing);

        Map<String, JsonNode> tasks = tasks(first);
        assertThat(first.get("trigger").asString()).isEqualTo("push");
        assertThat(first.get("gitRef").asString()).isEqualTo("refs/heads/main");
        assertThat(first.get("requestedBy").asString()).isEqualTo("olive");
        assertThat(first.get("filename").isNull()).isTrue();
        assertThat(tasks.keySet()).as(first::toString)
                .contains("sdist", "build", "wheelhouse", "install", "import", "test");
        for (String passed : new String[] {"sdist", "build", "wheelhouse", "install", "import"}) {
            assertThat(tasks.get(passed).get("outcome").asString()).as(passed + ": " + first).isEqualTo("passed");
        }
        assertThat(tasks.get("wheelhouse").get("findings").toString()).as("staged from the built wheel's metadata")
                .contains("from-index", dependency.getFileName().toString());
        assertThat(tasks.get("test").get("outcome").asString()).isEqualTo("failed");
        assertThat(tasks.get("test").get("summary").asString()).contains("2 passed, 1 failed");
        assertThat(first.get("status").asString()).isEqualTo("failed");

        writePythonProject(work, project, helper, "4");
        String fixed = commitAll(work, "Two and two make four");
        push(work, project, "main");

        JsonNode second = finishedPipelineOf(project, fixed);
        assertThat(second.get("id").asLong()).isNotEqualTo(first.get("id").asLong());
        assertThat(tasks(second).get("test").get("summary").asString()).as(second::toString).contains("3 passed");
        assertThat(second.get("status").asString()).as(second::toString).isEqualTo("passed");
        JsonNode byRef = owner.json("api/v1/projects/" + project + "/pipelines?ref=main");
        assertThat(byRef).extracting(node -> node.get("gitCommit").asString()).containsExactly(fixed, failing);
        assertThat(number("SELECT COUNT(*) FROM pipelines WHERE git_commit = ?", failing)).isEqualTo(1);

        HttpResponse<String> page = owner.get("pipelines/" + second.get("id").asLong());
        assertThat(page.body()).contains("/project/" + project + "/source/commit/" + fixed, "refs/heads/main");
        HttpResponse<String> commitPage = owner.get("project/" + project + "/source/commit/" + fixed);
        assertThat(commitPage.body()).contains("id=\"commit-pipeline\"", "/pipelines/" + second.get("id").asLong(),
                "status-passed");
        assertThat(owner.get("project/" + project + "/source").body())
                .contains("/pipelines/" + second.get("id").asLong());
        assertThat(owner.get("project/" + project + "/badge.svg?ref=main").body()).contains("tests: passed");
        assertThat(owner.get("project/" + project + "/badge.svg?ref=elsewhere").body()).contains("tests: none");
    }

    @Test
    void aWheelOnlyReleaseIsTestedFromTheCommitTaggedAsItsVersion() throws Exception {
        String project = newProject();
        String helper = "tagged-helper-" + databaseKind();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, PythonDistributions.build(
                Files.createTempDirectory(data, "build"), PythonDistributions.Spec.of(helper, "1.0")).wheel())
                .assertSucceeded();
        Path work = cloned(project);
        writePythonProject(work, project, helper, "4");
        String tagged = commitAll(work, "Release 0.1");
        git.run(work, "tag", "v0.1").succeeded();
        push(work, project, "refs/tags/v0.1");
        PythonTools.run(work, Map.of(), List.of(PythonTools.SYSTEM_PYTHON, "-m", "build", "--wheel", "--no-isolation",
                "--outdir", "../" + project + "-dist", ".")).assertSucceeded();
        Path wheel = data.resolve("clones").resolve(project + "-dist").resolve(project.replace('-', '_')
                + "-0.1-py3-none-any.whl");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, wheel).assertSucceeded();

        JsonNode pipeline = finished(project, "0.1", wheel.getFileName().toString(), DEADLINE);

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.keySet()).as(pipeline::toString).contains("sdist", "install", "test", "coverage")
                .doesNotContain("build");
        assertThat(tasks.get("test").get("summary").asString()).as(pipeline::toString).contains("3 passed");
        assertThat(owner.json("api/v1/pipelines/" + pipeline.get("id").asLong()).toString())
                .contains("its tests come from refs/tags/v0.1, commit " + tagged);
    }

    @Test
    void aTreeWithoutABuildFileFailsTheSdistTaskWithAClearSummary() {
        String project = newProject();
        Path work = cloned(project);
        String commit = git.commit(work, "README.md", "# not a Python project\n", "Only a readme");
        push(work, project, "main");

        JsonNode pipeline = finishedPipelineOf(project, commit);

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(pipeline.get("status").asString()).isEqualTo("failed");
        assertThat(tasks.get("sdist").get("outcome").asString()).isEqualTo("failed");
        assertThat(tasks.get("sdist").get("summary").asString())
                .contains("no pyproject.toml or setup.py at the commit's root");
        assertThat(tasks.get("build").get("outcome").asString()).isEqualTo("skipped");
    }

    @Test
    void eachPushedBranchQueuesOnePipelineAndARedeliveredEventNoSecond() {
        String project = newProject();
        Path work = cloned(project);
        String first = git.commit(work, "a.txt", "one\n", "One");
        push(work, project, "main");
        git.run(work, "checkout", "-q", "-b", "feature/x").succeeded();
        String second = git.commit(work, "a.txt", "two\n", "Two");
        push(work, project, "feature/x");
        git.run(work, "tag", "v1", first).succeeded();
        push(work, project, "v1");
        push(work, project, ":feature/x");

        finishedPipelineOf(project, first);
        JsonNode onFeature = finishedPipelineOf(project, second);
        assertThat(onFeature.get("gitRef").asString()).isEqualTo("refs/heads/feature/x");
        eventually("every push event delivered", () -> undelivered(project), count -> count == 0);
        assertThat(pipelineCount(project)).as("one per branch push; none for the tag or the deletion").isEqualTo(2);

        execute("UPDATE git_push_deliveries SET delivered_at = NULL, attempts = 0, next_attempt_at = ? "
                + "WHERE subscriber = 'pushPipelines' AND event_id IN (SELECT e.id FROM git_push_events e "
                + "JOIN projects p ON p.id = e.project_id WHERE p.normalized_name = ?)",
                OffsetDateTime.parse("2000-01-01T00:00Z"), project);
        assertThat(undelivered(project)).isEqualTo(4);
        eventually("the push events delivered again", () -> undelivered(project), count -> count == 0);

        assertThat(pipelineCount(project)).as("a redelivered event queues nothing").isEqualTo(2);
        assertThat(owner.json("api/v1/projects/" + project + "/pipelines?commit=" + first.substring(0, 8)))
                .hasSize(1);
    }

    @Test
    void thePipelineOfAPushRemembersThePushsRequestId() {
        String project = newProject();
        Path work = cloned(project);
        git.commit(work, "a.txt", "one\n", "One");
        git.run(work, "-c", "http.extraHeader=X-Request-Id: push-req-42", "push", "-q", tokenUrl(project), "main")
                .succeeded();

        eventually("the push's pipeline", () -> pipelineCount(project), count -> count == 1);
        assertThat(number("SELECT COUNT(*) FROM pipelines p JOIN projects pr ON pr.id = p.project_id "
                + "WHERE pr.normalized_name = ? AND p.request_id = 'push-req-42'", project)).isEqualTo(1);
    }

    @Test
    void maintainersRerunACommitUnderItsRefAndOthersMayNot() {
        String project = newProject();
        Path work = cloned(project);
        String commit = git.commit(work, "a.txt", "one\n", "One");
        push(work, project, "main");
        finishedPipelineOf(project, commit);
        String path = "api/v1/projects/" + project + "/pipelines";

        HttpResponse<String> rerun = maintainer.post(path, "{\"commit\":\"" + commit.substring(0, 10) + "\"}");

        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(201);
        JsonNode manual = HttpApi.parse(rerun.body());
        assertThat(manual.get("trigger").asString()).isEqualTo("manual");
        assertThat(manual.get("gitCommit").asString()).isEqualTo(commit);
        assertThat(manual.get("gitRef").asString()).isEqualTo("refs/heads/main");
        assertThat(manual.get("requestedBy").asString()).isEqualTo("max");
        assertThat(stranger.post(path, "{\"commit\":\"" + commit + "\"}").statusCode()).isEqualTo(403);
        assertThat(HttpApi.anonymous(server.url()).post(path, "{\"commit\":\"" + commit + "\"}").statusCode())
                .isEqualTo(401);
        assertThat(owner.post(path, "{\"commit\":\"" + "0".repeat(40) + "\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = owner.post(path, "{\"commit\":\"main; rm -rf\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a commit id");
        assertThat(owner.json(path + "?commit=" + commit)).hasSize(2);
        JsonNode all = owner.json(path);
        assertThat(all).as("without a commit or ref: all of the project's, newest first").hasSize(2);
        assertThat(all.get(0).get("id").asLong()).isEqualTo(manual.get("id").asLong());
    }

    @Test
    void aPrivateProjectsPushPipelineIsHiddenFromOutsiders() {
        String project = newProject();
        HttpResponse<String> hide = owner.put("api/v1/projects/" + project + "/visibility",
                "{\"visibility\":\"private\"}");
        assertThat(hide.statusCode()).as(hide.body()).isEqualTo(200);
        Path work = clonedAs(project);
        String commit = git.commit(work, "a.txt", "secret\n", "Secret");
        push(work, project, "main");

        JsonNode pipeline = finishedPipelineOf(project, commit);

        long id = pipeline.get("id").asLong();
        String list = "api/v1/projects/" + project + "/pipelines?commit=" + commit;
        assertThat(maintainer.json(list)).hasSize(1);
        assertThat(stranger.get(list).statusCode()).isEqualTo(404);
        assertThat(HttpApi.anonymous(server.url()).get(list).statusCode()).as("API clients are asked to log in")
                .isEqualTo(401);
        assertThat(stranger.get("api/v1/pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("pipelines/" + id).body()).doesNotContain(commit);
    }

    /** A new empty project of olive's, with max as maintainer. */
    private String newProject() {
        String project = "push-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> role = owner.put("api/v1/projects/" + project + "/roles/max", "{\"role\":\"maintainer\"}");
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        return project;
    }

    private Path cloned(String project) {
        Path directory = data.resolve("clones").resolve(project);
        git.run(data, "clone", "-q", server.url() + "git/" + project + ".git", directory.toString()).succeeded();
        return directory;
    }

    /** A clone made with olive's credentials, for a project others may not read. */
    private Path clonedAs(String project) {
        Path directory = data.resolve("clones").resolve(project);
        git.run(data, "clone", "-q", tokenUrl(project), directory.toString()).succeeded();
        return directory;
    }

    private void push(Path work, String project, String refspec) {
        git.run(work, "push", "-q", tokenUrl(project), refspec).succeeded();
    }

    private String tokenUrl(String project) {
        String secret = server.bean(TokenService.class)
                .create(new NewToken("olive", "push", project, Set.of(TokenScope.PUSH))).secret();
        return "http://__token__:" + secret + "@127.0.0.1:" + server.port() + "/git/" + project + ".git";
    }

    private String commitAll(Path work, String message) {
        git.run(work, "add", "-A").succeeded();
        git.run(work, "commit", "-q", "-m", message).succeeded();
        return git.head(work, "HEAD");
    }

    /** A project whose third test expects 2 + 2 to be {@code sum}; its module imports the hosted dependency. */
    public static void writePythonProject(Path work, String name, String dependency, String sum) throws IOException {
        Files.writeString(work.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "%s"
                version = "0.1"
                requires-python = ">=3.7"
                dependencies = ["%s>=1"]

                [tool.setuptools]
                packages = ["calc"]
                """.formatted(name, dependency));
        Files.writeString(work.resolve("MANIFEST.in"), "graft tests\n");
        Files.createDirectories(work.resolve("calc"));
        Files.writeString(work.resolve("calc/__init__.py"), """
                import %s


                def add(a, b):
                    return a + b
                """.formatted(dependency.replace('-', '_')));
        Files.createDirectories(work.resolve("tests"));
        Files.writeString(work.resolve("tests/test_calc.py"), """
                import unittest

                from calc import add


                class CalcTest(unittest.TestCase):
                    def test_adds(self):
                        self.assertEqual(add(1, 2), 3)

                    def test_adds_negatives(self):
                        self.assertEqual(add(-1, -2), -3)

                    def test_two_and_two(self):
                        self.assertEqual(add(2, 2), %s)
                """.formatted(sum));
    }

    /** The commit's newest pipeline once it has ended. */
    private JsonNode finishedPipelineOf(String project, String commit) {
        String path = "api/v1/projects/" + project + "/pipelines?commit=" + commit;
        return eventually("a finished pipeline of " + commit, () -> {
            JsonNode all = owner.json(path);
            return all.isEmpty() ? null : all.get(0);
        }, pipeline -> pipeline != null && !pipeline.get("finishedAt").isNull());
    }

    private long pipelineCount(String project) {
        return number("SELECT COUNT(*) FROM pipelines p JOIN projects pr ON pr.id = p.project_id "
                + "WHERE pr.normalized_name = ?", project);
    }

    private long undelivered(String project) {
        return number("SELECT COUNT(*) FROM git_push_deliveries d JOIN git_push_events e ON e.id = d.event_id "
                + "JOIN projects p ON p.id = e.project_id WHERE p.normalized_name = ? AND d.delivered_at IS NULL "
                + "AND d.subscriber = 'pushPipelines'", project);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        } catch (SQLException failure) {
            throw new AssertionError(sql, failure);
        }
    }
}
