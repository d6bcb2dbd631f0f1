package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.error.ConflictException;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.AssayCommandRun;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PluginJars;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Tasks switched on and off: the example plugin built from the repository's project and a plugin consuming its data
 * sit in the server's plugins folder next to a broken jar. The list shows the built-ins enabled, the plugins available
 * but disabled and the broken jar as a problem; pipelines run a plugin only once enabled, skip it (and the tasks
 * needing its data) once disabled, and a worker lacking an enabled plugin gets no job. Run once per database.
 */
abstract class TaskPluginsContract extends PipelineFixture {

    private static final String CHECK_SOURCE = """
            package org.example.check;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class LinesCheckTask implements Task {
                public String name() { return "lines-check"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.of("py-lines")); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) {
                    return TaskResult.passed("saw " + context.input(DataKey.of("py-lines"), Integer.class) + " lines");
                }
            }
            """;

    private static final String THROWING_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class ThrowingTask implements Task {
                public ThrowingTask() {
                    throw new IllegalStateException("cannot start", new java.io.IOException("no <licence> file"));
                }
                public String name() { return "throwing"; }
                public Set<DataKey> consumes() { return Set.of(); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) { return TaskResult.passed(); }
            }
            """;

    private static final String BAD_DECLARATION_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class BadDeclarationTask implements Task {
                public String name() { return "bad-declaration"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.of("Not A Key")); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) { return TaskResult.passed(); }
            }
            """;

    private static final String CYCLE_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class LoopTask implements Task {
                public String name() { return "loop"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.of("loop-data")); }
                public Set<DataKey> produces() { return Set.of(DataKey.of("loop-data")); }
                public TaskResult run(TaskContext context) { return TaskResult.passed(); }
            }
            """;

    private static final String FAILING_RUN_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class FailingRunTask implements Task {
                public String name() { return "failing-run"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.WHEEL); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) { throw new IllegalStateException("plugin bug"); }
            }
            """;

    @Override
    protected Map<String, Object> pipelineSettings() {
        // the default plugins folder, DATA/plugins, filled before the server starts
        try {
            Path plugins = data.resolve("plugins");
            PluginJars.example(plugins.resolve("line-count-plugin-1.0.jar"), data.resolve("build"));
            PluginJars.single(plugins.resolve("lines-check.jar"), data.resolve("build"), "org.example.check.LinesCheckTask",
                    CHECK_SOURCE);
            Files.writeString(plugins.resolve("broken.jar"), "not a zip");
            PluginJars.single(plugins.resolve("throws.jar"), data.resolve("build-throws"), "org.example.bad.ThrowingTask",
                    THROWING_SOURCE);
            PluginJars.single(plugins.resolve("failing-run.jar"), data.resolve("build-failing"),
                    "org.example.bad.FailingRunTask", FAILING_RUN_SOURCE);
            PluginJars.single(plugins.resolve("loop.jar"), data.resolve("build-loop"), "org.example.bad.LoopTask",
                    CYCLE_SOURCE);
            PluginJars.single(plugins.resolve("bad-declaration.jar"), data.resolve("build-declaration"),
                    "org.example.bad.BadDeclarationTask", BAD_DECLARATION_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ONE_WORKER;
    }

    @AfterEach
    void backToDefaults() {
        for (String task : List.of("line-count", "lines-check", "failing-run")) {
            admin.post("/api/v1/admin/tasks/" + task + "/disable", "");
        }
        admin.post("/api/v1/admin/tasks/metadata/enable", "");
    }

    @Test
    void theListShowsBuiltInsEnabledPluginsDisabledAndTheBrokenJar() {
        JsonNode list = admin.json("/api/v1/admin/tasks");
        Map<String, JsonNode> tasks = byName(list.get("tasks"));
        assertThat(tasks.get("metadata").get("origin").asString()).isEqualTo("built-in");
        assertThat(tasks.get("metadata").get("enabled").asBoolean()).isTrue();
        assertThat(tasks.get("metadata").get("version").asString()).isEmpty();
        assertThat(tasks).containsKeys("build", "install", "test", "lint", "wheelhouse");
        JsonNode lineCount = tasks.get("line-count");
        assertThat(lineCount.get("origin").asString()).isEqualTo("plugin");
        assertThat(lineCount.get("source").asString()).isEqualTo("line-count-plugin-1.0.jar");
        assertThat(lineCount.get("version").asString()).isEqualTo("1.0");
        assertThat(lineCount.get("consumes").toString()).isEqualTo("[\"wheel\"]");
        assertThat(lineCount.get("produces").toString()).isEqualTo("[\"py-lines\"]");
        assertThat(lineCount.get("enabled").asBoolean()).as("available, disabled").isFalse();
        assertThat(list.get("problems").toString()).contains("broken.jar: not a readable jar file", "throws.jar",
                "ThrowingTask could not be instantiated; caused by java.lang.IllegalStateException: cannot start; "
                        + "caused by java.io.IOException: no <licence> file");
        assertThat(tasks).doesNotContainKey("throwing");
        assertThat(list.get("problems").toString()).contains("loop.jar: task 'loop' is left out: tasks depend on "
                + "each other in a cycle");
        assertThat(tasks).doesNotContainKey("loop").containsKey("lines-check").doesNotContainKey("bad-declaration");
        assertThat(list.get("problems").toString()).contains("bad-declaration.jar: task of "
                + "org.example.bad.BadDeclarationTask is left out: ", "Not A Key");
    }

    @Test
    void onlyAnAdministratorListsAndSwitchesTasks() {
        assertThat(owner.get("/api/v1/admin/tasks").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = owner.post("/api/v1/admin/tasks/line-count/enable", "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("only administrators");
        assertThat(HttpApi.anonymous(server.url()).get("/api/v1/admin/tasks").statusCode()).isEqualTo(401);
        assertThat(workerToken().post("/api/v1/admin/tasks/metadata/disable", "").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = admin.post("/api/v1/admin/tasks/no-such-task/enable", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no task named 'no-such-task' is installed", "assay plugins list");
        assertThat(admin.json("/api/v1/admin/tasks").toString()).doesNotContain("no-such-task");
    }

    @Test
    void aPluginRunsOnlyWhileEnabledAndWhatNeedsItsDataIsSkippedWithIt() throws Exception {
        Map<String, JsonNode> before = tasks(finishedPipeline(uploadedProject()));
        assertThat(before.get("line-count").get("outcome").asString()).isEqualTo("skipped");
        assertThat(before.get("line-count").get("summary").asString()).contains("disabled by an administrator");
        assertThat(before.get("metadata").get("outcome").asString()).isIn("passed", "failed");

        switchTask("line-count", true);
        switchTask("lines-check", true);
        Map<String, JsonNode> enabled = tasks(finishedPipeline(uploadedProject()));
        assertThat(enabled.get("line-count").get("outcome").asString()).isEqualTo("passed");
        assertThat(enabled.get("line-count").get("summary").asString()).matches("passed: \\d+ lines of Python in 1 file\\(s\\)");
        assertThat(enabled.get("lines-check").get("summary").asString()).startsWith("passed: saw ");

        switchTask("line-count", false);
        Map<String, JsonNode> after = tasks(finishedPipeline(uploadedProject()));
        assertThat(after.get("line-count").get("outcome").asString()).isEqualTo("skipped");
        assertThat(after.get("lines-check").get("outcome").asString()).isEqualTo("skipped");
        assertThat(after.get("lines-check").get("summary").asString()).contains("line-count");
    }

    @Test
    void aPluginThatThrowsEndsInErrorAndTheOtherTasksRunOn() throws Exception {
        switchTask("failing-run", true);
        switchTask("line-count", true);
        Map<String, JsonNode> tasks = tasks(finishedPipeline(uploadedProject()));
        assertThat(tasks.get("failing-run").get("outcome").asString()).isEqualTo("error");
        assertThat(tasks.get("failing-run").get("summary").asString()).contains("plugin bug");
        assertThat(tasks.get("line-count").get("outcome").asString()).isEqualTo("passed");
        assertThat(tasks.get("metadata").get("outcome").asString()).isIn("passed", "failed");
    }

    @Test
    void aBuiltInTaskSwitchedOffIsSkipped() throws Exception {
        switchTask("metadata", false);
        JsonNode metadata = tasks(finishedPipeline(uploadedProject())).get("metadata");
        assertThat(metadata.get("outcome").asString()).isEqualTo("skipped");
        assertThat(metadata.get("summary").asString()).contains("'metadata' is disabled");
    }

    @Test
    void aWorkerLackingAnEnabledPluginGetsNoJobAndIsToldWhy() {
        switchTask("line-count", true);
        JobQueue queue = server.bean(JobQueue.class);
        WorkerOffer builtInsOnly = WorkerOffer.UNKNOWN.withTasks(List.of("metadata"));
        assertThatThrownBy(() -> queue.claim(WorkerIdentity.inProcess("bare", "test-host"), builtInsOnly))
                .isInstanceOf(ConflictException.class).hasMessageContaining("lacks the enabled task(s) line-count");
        HttpResponse<String> remote = workerToken().post("/api/worker/claim",
                "{\"worker\":\"bare\",\"offer\":{\"tasks\":[\"metadata\"]}}");
        assertThat(remote.statusCode()).isEqualTo(409);
        assertThat(remote.body()).contains("lacks the enabled task(s) line-count");
        assertThat(workerToken().get("/api/worker/tasks").body()).contains("line-count");
    }

    @Test
    void theCommandListsAndSwitchesThroughTheServer() {
        AssayCommandRun.Run listed = AssayCommandRun.run(PASSWORD + "\n", "plugins", "list", "--server", server.url(),
                "--as", ADMIN);
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).containsPattern("line-count +disabled +plugin line-count-plugin-1.0.jar 1.0 +wheel"
                + " +py-lines");
        assertThat(listed.stdout()).containsPattern("metadata +enabled +built-in");
        assertThat(listed.stderr()).contains("pipeline tasks in the server at", "not installed: ", "broken.jar",
                "IllegalStateException: cannot start; caused by java.io.IOException: no <licence> file");

        AssayCommandRun.Run enabled = AssayCommandRun.run(PASSWORD + "\n", "plugins", "enable", "line-count", "--server",
                server.url(), "--as", ADMIN);
        assertThat(enabled.stdout()).contains("enabled task line-count in the server at");
        assertThat(server.bean(TaskSwitches.class).state().enabled()).contains("line-count");

        AssayCommandRun.Run unknown = AssayCommandRun.run(PASSWORD + "\n", "plugins", "disable", "nope", "--server",
                server.url(), "--as", ADMIN);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("no task named 'nope' is installed");
    }

    @Test
    void theAdminPageListsTheTasksAndSwitchesThemWithItsForms() {
        WebSession administrator = new WebSession(server.url());
        administrator.logIn(ADMIN, PASSWORD);
        assertThat(administrator.page("/profile").select("a#admin-tasks").attr("href")).endsWith("/admin/tasks");
        Document page = administrator.page("/admin/tasks");
        assertThat(page.select("#task-line-count .state").text()).isEqualTo("disabled");
        assertThat(page.select("#task-line-count").text()).contains("plugin", "line-count-plugin-1.0.jar", "1.0",
                "wheel", "py-lines");
        assertThat(page.select("#task-metadata .state").text()).isEqualTo("enabled");
        assertThat(page.select("#problems").text()).contains("broken.jar",
                "cannot start; caused by java.io.IOException: no <licence> file");

        HttpResponse<String> switched = administrator.submit("/admin/tasks", "form#switch-line-count", Map.of());
        assertThat(Jsoup.parse(switched.body()).select("#notice").text())
                .isEqualTo("Task line-count is enabled from the next job on.");
        assertThat(administrator.page("/admin/tasks").select("#task-line-count").text()).contains("enabled", "by ada");
        assertThat(server.bean(TaskSwitches.class).state().enabled()).contains("line-count");

        Element form = administrator.page("/admin/tasks").selectFirst("form#switch-line-count");
        HttpResponse<String> forged = administrator.post(form.absUrl("action"), Map.of("enabled", "false"));
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(server.bean(TaskSwitches.class).state().enabled()).contains("line-count");

        WebSession someone = new WebSession(server.url());
        someone.logIn("olive", PASSWORD);
        assertThat(someone.get("/admin/tasks").statusCode()).isEqualTo(403);
        assertThat(new WebSession(server.url()).page("/admin/tasks").select("form[action$=/login]")).isNotEmpty();
    }

    private void switchTask(String name, boolean enabled) {
        HttpResponse<String> changed = admin.post("/api/v1/admin/tasks/" + name + (enabled ? "/enable" : "/disable"), "");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(HttpApi.parse(changed.body()).get("enabled").asBoolean()).isEqualTo(enabled);
    }

    private static Map<String, JsonNode> byName(JsonNode tasks) {
        Map<String, JsonNode> byName = new HashMap<>();
        tasks.forEach(task -> byName.put(task.get("name").asString(), task));
        return byName;
    }
}
