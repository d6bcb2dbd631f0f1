package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * A server with pipeline settings of the subclass's choosing, an owner, a maintainer, a stranger and an administrator
 * (who alone may hold worker tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PipelineFixture {

    protected static final String PASSWORD = "correct horse battery";
    protected static final Duration DEADLINE = Duration.ofSeconds(90);
    /** Settings of one quick in-process worker that runs the in-process checks. */
    protected static final Map<String, Object> ONE_WORKER = Map.of("assay.pipeline.workers", 1, "assay.pipeline.poll", "100ms",
            "assay.pipeline.heartbeat", "500ms", "assay.pipeline.lease", "30s");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The administrator, whose worker tokens the worker API takes. */
    protected static final String ADMIN = "ada";

    protected TestDatabase database;
    protected TestServer server;
    protected Path data;
    protected HttpApi owner;
    protected HttpApi maintainer;
    protected HttpApi stranger;
    protected HttpApi admin;

    protected abstract String databaseKind();

    /** The {@code assay.pipeline.*} settings of this suite's server. */
    protected abstract Map<String, Object> pipelineSettings();

    /** Extra beans of this suite's server (plain classes, see {@link TestServer#start}). */
    protected Class<?>[] extraBeans() {
        return new Class<?>[0];
    }

    @BeforeAll
    protected void startServer(@TempDir Path data) {
        this.data = data;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, pipelineSettings(), extraBeans());
        AccountService accounts = server.bean(AccountService.class);
        owner = account(accounts, "olive");
        maintainer = account(accounts, "max");
        stranger = account(accounts, "sam");
        admin = account(accounts, ADMIN, Group.ADMINS);
    }

    @AfterAll
    protected void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private HttpApi account(AccountService accounts, String name, Group... groups) {
        accounts.create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of(groups)));
        return new HttpApi(server.url(), name, PASSWORD);
    }

    /** Uploads a wheel without Summary, license or URLs as the owner, makes max a maintainer; returns the project. */
    protected String uploadedProject() throws IOException, InterruptedException {
        String project = "pipe-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0",
                List.of("Requires-Python: >=3.8"), "A wheel to test.\n");
        Path directory = Files.createTempDirectory(data, "wheel");
        spec.upload(TestDistributions.wheel(directory, spec), server.url(), "olive", PASSWORD);
        HttpResponse<String> role = owner.put("api/v1/projects/" + project + "/roles/max", "{\"role\":\"maintainer\"}");
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        return project;
    }

    /** A clone of a new, empty project of olive's, and the address that pushes to it with a push token of hers. */
    protected record Clone(GitCommand git, Path work, String pushUrl) {
    }

    /** Creates the project as olive and clones its empty repository with the real git client. */
    protected Clone clonedNewProject(String project) throws IOException {
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        GitCommand git = new GitCommand(Files.createDirectories(data.resolve("git-home")));
        Path work = data.resolve("clones").resolve(project);
        String secret = server.bean(TokenService.class)
                .create(new NewToken("olive", "push", project, Set.of(TokenScope.PUSH))).secret();
        String url = "http://__token__:" + secret + "@127.0.0.1:" + server.port() + "/git/" + project + ".git";
        git.run(data, "clone", "-q", url, work.toString()).succeeded();
        return new Clone(git, work, url);
    }

    /** Makes the project private, as its owner. */
    protected void makePrivate(String project) {
        HttpResponse<String> hidden = owner.put("api/v1/projects/" + project + "/visibility",
                "{\"visibility\":\"private\"}");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
    }

    /** A client authenticating with a new API token of the user. */
    protected HttpApi token(String user, String project, TokenScope... scopes) {
        String secret = server.bean(TokenService.class)
                .create(new NewToken(user, "test", project, Set.of(scopes))).secret();
        return new HttpApi(server.url(), "__token__", secret);
    }

    /** A client authenticating with a new worker token of the administrator. */
    protected HttpApi workerToken() {
        return token(ADMIN, null, TokenScope.WORKER);
    }

    protected static String pipelines(String project) {
        return "api/v1/projects/" + project + "/releases/1.0/pipelines";
    }

    /** The settings of a suite whose pipelines run the sandboxed tasks: one quick worker, the sandbox on. */
    protected static Map<String, Object> sandboxedSettings() {
        return Map.of("assay.pipeline.workers", 1, "assay.pipeline.poll", "100ms",
                "assay.pipeline.heartbeat", "1s", "assay.pipeline.lease", "2m", "assay.pipeline.sandbox", true);
    }

    /** A pipeline's tasks by name, in the order the API lists them. */
    protected static Map<String, JsonNode> tasks(JsonNode pipeline) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        pipeline.get("tasks").forEach(task -> byName.put(task.get("name").asString(), task));
        return byName;
    }

    /** Polls until {@code condition} holds, failing after {@link #DEADLINE}. */
    protected static <T> T eventually(String what, Supplier<T> probe, java.util.function.Predicate<T> condition) {
        return eventually(what, DEADLINE, probe, condition);
    }

    /** Polls until {@code condition} holds, failing after {@code deadline}. */
    protected static <T> T eventually(String what, Duration deadline, Supplier<T> probe,
            java.util.function.Predicate<T> condition) {
        return Eventually.until(what, deadline, probe, condition);
    }

    /** The newest pipeline of the project's release 1.0 once it has ended. */
    protected JsonNode finishedPipeline(String project) {
        return eventually("a finished pipeline of " + project, () -> owner.json(pipelines(project)).get(0),
                pipeline -> pipeline != null && pipeline.get("finishedAt") != null
                        && !pipeline.get("finishedAt").isNull());
    }

    /**
     * Claims until the job of {@code pipeline} comes: jobs other tests left behind are finished on the way,
     * and a job some other worker holds comes back once its lease runs out.
     */
    protected ClaimedJob claimPipeline(JobQueue queue, String worker, long pipeline) {
        return claimPipeline(queue, worker, WorkerOffer.UNKNOWN, pipeline);
    }

    /** Claims as {@link #claimPipeline(JobQueue, String, long)} does, offering {@code offer}. */
    protected ClaimedJob claimPipeline(JobQueue queue, String worker, WorkerOffer offer, long pipeline) {
        return eventually("a claim of pipeline " + pipeline, () -> {
            Optional<ClaimedJob> job = queue.claim(WorkerIdentity.inProcess(worker, "test-host"), offer);
            if (job.isPresent() && job.get().pipelineId() != pipeline) {
                queue.result(job.get().jobId(), job.get().lease(), brokenMetadataResult());
                return null;
            }
            return job.orElse(null);
        }, job -> job != null);
    }

    /** A result of one failed metadata task with one error finding. */
    protected static List<TaskReport> brokenMetadataResult() {
        Instant now = Instant.now();
        return List.of(new TaskReport("metadata", "failed", now, now, 0, "failed: broken on purpose",
                List.of(new FindingView("error", "test/broken", "broken on purpose", null)), Map.of()));
    }

    /** Runs an update straight on the database, as an operator (or an attacker with its files) would. */
    protected int update(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new AssertionError(sql, failure);
        }
    }

    protected long number(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for " + sql).isTrue();
                return rows.getLong(1);
            }
        } catch (SQLException failure) {
            throw new AssertionError(sql, failure);
        }
    }
}
