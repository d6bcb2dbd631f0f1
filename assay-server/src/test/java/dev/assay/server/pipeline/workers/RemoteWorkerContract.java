package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.error.ConflictException;
import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.pipeline.triggers.PushPipelineContract;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import tools.jackson.databind.JsonNode;

/**
 * {@code assay worker} against a server without in-process workers: it claims the uploads' jobs over HTTP,
 * stages them from the server, runs the sandboxed tasks and sends logs, raw files and results; the server adds
 * the metadata check.
 */
abstract class RemoteWorkerContract extends SandboxedFixture {

    private RemoteWorker worker;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "2m", "assay.pipeline.sandbox", true);
    }

    @BeforeAll
    void startRemoteWorker() throws Exception {
        worker = RemoteWorker.start(settings(secret(TokenScope.WORKER)));
    }

    @AfterAll
    void stopRemoteWorker() throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    private RemoteWorker.Settings settings(String token) {
        return settings(URI.create(server.url()), token);
    }

    private RemoteWorker.Settings settings(URI url, String token) {
        return new RemoteWorker.Settings(url, token, "host-1", 1, data.resolve("remote-work"), Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofMinutes(5));
    }

    private String secret(TokenScope scope) {
        return server.bean(TokenService.class).create(new NewToken(ADMIN, "remote worker", null, Set.of(scope)))
                .secret();
    }

    @Test
    void remoteWorkerRunsTheSandboxedTasksOfAnUploadWithItsDependencyFromTheServer() throws Exception {
        String dependency = "rdep-" + databaseKind();
        String project = "remote-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built dep = PythonDistributions.build(work, Spec.of(dependency, "1.2"));
        PythonDistributions.Built built = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies(dependency + ">=1.0"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dep.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.sdist()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, "1.0", built.wheel().getFileName().toString(), Duration.ofMinutes(4));

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.keySet()).as(pipeline::toString).containsExactlyInAnyOrder("metadata", "wheelhouse",
                "install", "import", "test", "coverage", "lint", "description");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("install").get("outcome").asString()).isEqualTo("passed");
        assertThat(tasks.get("import").get("outcome").asString()).isEqualTo("passed");
        assertThat(tasks.get("test").get("outcome").asString()).isEqualTo("passed");
        assertThat(tasks.get("wheelhouse").get("findings").toString())
                .contains("from-index", dep.wheel().getFileName().toString());
        JsonNode trace = tasks.get("install").get("rawData").get("files").get("pip-trace");
        assertThat(trace).as("the remote worker uploaded pip's trace: " + pipeline).isNotNull();
        HttpResponse<String> keptTrace = stranger.get(trace.get("url").asString());
        assertThat(keptTrace.statusCode()).isEqualTo(200);
        assertThat(keptTrace.body()).contains("execve(");
        JsonNode detail = owner.json("api/v1/pipelines/" + pipeline.get("id").asLong());
        assertThat(detail.get("log").toString()).contains("remote worker host-1/1", "staged " + dep.wheel().getFileName(),
                "passed in");
        JsonNode worker = detail.get("worker");
        assertThat(worker.get("kind").asString()).isEqualTo("remote");
        assertThat(worker.get("name").asString()).isEqualTo("host-1/1");
        assertThat(worker.get("owner").asString()).isEqualTo(ADMIN);
        assertThat(worker.get("host").asString()).as("the worker's machine reports its host name").isNotBlank();
        assertThat(worker.get("description").asString()).startsWith("remote worker host-1/1 on ")
                .contains("(token " + worker.get("tokenId").asLong() + ", assay_", "of " + ADMIN + ")");

        JsonNode sdistPipeline = finished(project, "1.0", built.sdist().getFileName().toString(), Duration.ofMinutes(4));
        assertThat(tasks(sdistPipeline).keySet()).as(sdistPipeline::toString).contains("metadata", "build", "install");
        assertThat(tasks(sdistPipeline).get("build").get("outcome").asString()).as(sdistPipeline::toString)
                .isEqualTo("passed");
        assertThat(tasks(sdistPipeline).get("build-wheelhouse").get("findings").toString()).as(sdistPipeline::toString)
                .contains("'setuptools>=61' cannot be satisfied by this index; the build uses the worker's Python");
    }

    @Test
    void aRemoteWorkerStagesAnSdistsBuildBackendFromTheServer() throws Exception {
        String project = "rtiny-built-" + databaseKind();
        TinyBuild upload = uploadSdistOfATinyBackendsProject(project);

        upload.assertBuiltWithTheStagedBackend(finished(project, "1.0", upload.sdist(), Duration.ofMinutes(4)));
    }

    @Test
    void aPushedCommitIsStagedFromTheServersTreeAndItsWheelsDependenciesFromTheIndex() throws Exception {
        String helper = "rhelper-" + databaseKind();
        Path dependency = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                Spec.of(helper, "1.0")).wheel();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dependency).assertSucceeded();
        String project = "rpush-" + databaseKind();
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        GitCommand git = new GitCommand(Files.createDirectories(data.resolve("git-home")));
        Path work = data.resolve("clones").resolve(project);
        String push = "http://__token__:" + server.bean(TokenService.class)
                .create(new NewToken("olive", "push", project, Set.of(TokenScope.PUSH))).secret()
                + "@127.0.0.1:" + server.port() + "/git/" + project + ".git";
        git.run(data, "clone", "-q", push, work.toString()).succeeded();
        PushPipelineContract.writePythonProject(work, project, helper, "4");
        git.run(work, "add", "-A").succeeded();
        git.run(work, "commit", "-q", "-m", "A calculator").succeeded();
        String commit = git.head(work, "HEAD");
        git.run(work, "push", "-q", push, "main").succeeded();

        JsonNode pipeline = eventually("the pipeline of " + commit, Duration.ofMinutes(4), () -> {
            JsonNode all = owner.json("api/v1/projects/" + project + "/pipelines?commit=" + commit);
            return all.isEmpty() ? null : all.get(0);
        }, found -> found != null && !found.get("finishedAt").isNull());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.keySet()).as(pipeline::toString).contains("sdist", "build", "wheelhouse", "install", "test")
                .doesNotContain("metadata");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("wheelhouse").get("findings").toString()).contains(dependency.getFileName().toString());
        assertThat(tasks.get("test").get("summary").asString()).contains("3 passed");

        // the same commit tagged as 0.1 and released as a wheel alone: its tests come from the tag's tree
        git.run(work, "tag", "v0.1").succeeded();
        git.run(work, "push", "-q", push, "refs/tags/v0.1").succeeded();
        Path dist = Files.createTempDirectory(data, "wheel-only");
        PythonTools.run(work, Map.of(), List.of(PythonTools.SYSTEM_PYTHON, "-m", "build", "--wheel", "--no-isolation",
                "--outdir", dist.toString(), ".")).assertSucceeded();
        Path wheel = dist.resolve(project.replace('-', '_') + "-0.1-py3-none-any.whl");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, wheel).assertSucceeded();

        JsonNode released = finished(project, "0.1", wheel.getFileName().toString(), Duration.ofMinutes(4));
        assertThat(tasks(released).keySet()).as(released::toString).contains("sdist", "test").doesNotContain("build");
        assertThat(tasks(released).get("test").get("summary").asString()).as(released::toString).contains("3 passed");
    }

    @Test
    void aTokenWithoutTheWorkerScopeStopsTheWorkerWithAClearMessage() {
        assertThatThrownBy(() -> RemoteWorker.start(settings(secret(TokenScope.UPLOAD))))
                .isInstanceOf(JobSource.Refused.class).hasMessageContaining("worker scope").hasMessageContaining("403");
    }

    @Test
    void aWrongServerUrlGivesAClearError() {
        String token = secret(TokenScope.WORKER);
        assertThatThrownBy(() -> RemoteWorker.start(settings(URI.create("http://127.0.0.1:9/"), token)))
                .isInstanceOf(JobSource.Refused.class).hasMessageContaining("cannot reach the Assay server");
        assertThatThrownBy(() -> RemoteWorker.start(settings(URI.create(server.url() + "elsewhere/"), token)))
                .isInstanceOf(JobSource.Refused.class).hasMessageContaining("does not answer the Assay worker API");
    }

    @Test
    void aLostLeaseIsAConflictThatStopsTheJob() throws Exception {
        String project = uploadedProject();
        finishedPipeline(project);
        long job = number("SELECT MAX(id) FROM pipeline_jobs");
        ClaimedJob stale = new ClaimedJob(job, 0, 1, "not-the-lease", null, project, "1.0", "x.whl", null, "00", null,
                null, null, null, null, null);
        HttpJobSource source = new HttpJobSource(URI.create(server.url()), secret(TokenScope.WORKER));

        assertThatThrownBy(() -> source.heartbeat(stale)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("lease");
        assertThatThrownBy(() -> source.fetchDistribution(stale, data.resolve("stale")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theWorkerApiServesOnlyWhatAHeldJobStages() {
        HttpResponse<String> noLease = workerToken()
                .get("api/worker/jobs/999999/download/x-1.0-py3-none-any.whl");
        assertThat(noLease.statusCode()).as(noLease.body()).isIn(400, 404, 409);
        HttpResponse<String> notWorker = token("olive", null, TokenScope.UPLOAD).get("api/worker/hello");
        assertThat(notWorker.statusCode()).isEqualTo(403);
    }
}
