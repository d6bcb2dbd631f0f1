package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.PluginJars;
import tools.jackson.databind.JsonNode;

/**
 * Plugins that misbehave while a job runs, in a server with one in-process worker: one that hangs, ignoring the
 * interrupt, is stopped at the task timeout while the other tasks, the worker and the next job go on; one that passes
 * without publishing what it declared leaves its consumers skipped, naming it.
 */
abstract class BadPluginsContract extends PipelineFixture {

    private static final String TIMEOUT = "4s";

    private static final String HANGING_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class HangingTask implements Task {
                public String name() { return "hangs"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.WHEEL); }
                public Set<DataKey> produces() { return Set.of(DataKey.of("hang-data")); }
                public TaskResult run(TaskContext context) {
                    // deaf to the interrupt, but gone in two minutes so that the test JVM does not keep it
                    long end = System.nanoTime() + 120_000_000_000L;
                    while (System.nanoTime() < end) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException ignored) {
                        }
                    }
                    return TaskResult.passed("woke up");
                }
            }
            """;

    private static final String PROMISING_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class PromisingTask implements Task {
                public String name() { return "promises"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.WHEEL); }
                public Set<DataKey> produces() { return Set.of(DataKey.of("promised")); }
                public TaskResult run(TaskContext context) { return TaskResult.passed("published nothing"); }
            }
            """;

    private static final Map<String, String> CONSUMERS = Map.of("after-hang", "hang-data", "needs-promise",
            "promised");

    @Override
    protected Map<String, Object> pipelineSettings() {
        try {
            Path plugins = data.resolve("plugins");
            PluginJars.example(plugins.resolve("line-count-plugin-1.0.jar"), data.resolve("build-example"));
            PluginJars.single(plugins.resolve("hangs.jar"), data.resolve("build-hangs"), "org.example.bad.HangingTask",
                    HANGING_SOURCE);
            PluginJars.single(plugins.resolve("promises.jar"), data.resolve("build-promises"),
                    "org.example.bad.PromisingTask", PROMISING_SOURCE);
            for (Map.Entry<String, String> consumer : CONSUMERS.entrySet()) {
                String type = "Consumer" + consumer.getKey().replace("-", "");
                PluginJars.single(plugins.resolve(consumer.getKey() + ".jar"), data.resolve("build-" + type),
                        "org.example.bad." + type, consumerSource(type, consumer.getKey(), consumer.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> settings = new HashMap<>(ONE_WORKER);
        settings.put("assay.pipeline.task-timeout", TIMEOUT);
        return settings;
    }

    private static String consumerSource(String type, String name, String key) {
        return """
                package org.example.bad;

                import java.util.Set;
                import dev.assay.tasks.*;

                public final class TYPE implements Task {
                    public String name() { return "NAME"; }
                    public Set<DataKey> consumes() { return Set.of(DataKey.of("KEY")); }
                    public Set<DataKey> produces() { return Set.of(); }
                    public TaskResult run(TaskContext context) { return TaskResult.passed("had KEY"); }
                }
                """.replace("TYPE", type).replace("NAME", name).replace("KEY", key);
    }

    @AfterEach
    void backToDefaults() {
        List.of("line-count", "hangs", "promises", "after-hang", "needs-promise")
                .forEach(task -> switchTask(task, false));
    }

    @Test
    void aHangingPluginIsStoppedAtTheTimeoutWhileTheOtherTasksAndTheNextJobRun() throws Exception {
        List.of("hangs", "after-hang", "line-count").forEach(task -> switchTask(task, true));

        for (int job = 1; job <= 2; job++) {
            Map<String, JsonNode> tasks = tasks(finishedPipeline(uploadedProject()));
            JsonNode hangs = tasks.get("hangs");
            assertThat(hangs.get("outcome").asString()).as("job " + job + ": " + hangs).isEqualTo("error");
            assertThat(hangs.get("summary").asString()).contains("timed out after " + TIMEOUT);
            assertThat(tasks.get("after-hang").get("outcome").asString()).isEqualTo("skipped");
            assertThat(tasks.get("after-hang").get("summary").asString()).contains("'hangs' timed out");
            assertThat(tasks.get("line-count").get("outcome").asString()).as("job " + job).isEqualTo("passed");
            assertThat(tasks.get("metadata").get("outcome").asString()).isIn("passed", "failed");
        }
    }

    @Test
    void aPluginThatPublishesNothingItDeclaredHasItsConsumersSkippedNamingIt() throws Exception {
        List.of("promises", "needs-promise", "line-count").forEach(task -> switchTask(task, true));

        Map<String, JsonNode> tasks = tasks(finishedPipeline(uploadedProject()));
        assertThat(tasks.get("promises").get("outcome").asString()).isEqualTo("passed");
        JsonNode consumer = tasks.get("needs-promise");
        assertThat(consumer.get("outcome").asString()).as(consumer::toString).isEqualTo("skipped");
        assertThat(consumer.get("summary").asString()).contains("'promises' did not produce 'promised'");
        assertThat(tasks.get("line-count").get("outcome").asString()).isEqualTo("passed");
    }

    private void switchTask(String name, boolean enabled) {
        HttpResponse<String> changed = admin.post("/api/v1/admin/tasks/" + name + (enabled ? "/enable" : "/disable"),
                "");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
}
