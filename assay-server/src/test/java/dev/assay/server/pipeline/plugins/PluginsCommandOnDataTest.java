package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.PluginJars;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * {@code assay plugins list|enable|disable --data DIR}, each run as a process of its own, as an operator runs it: on
 * a data directory no server uses, and on the data directory of a running server (H2's own server lets both in),
 * whose workers then follow the switch. Run in this JVM, the command stopped the log capture of every later test.
 */
class PluginsCommandOnDataTest extends PipelineFixture {

    private static final String THROWING_SOURCE = """
            package org.example.bad;

            import java.util.Set;
            import dev.assay.tasks.*;

            public final class ThrowingTask implements Task {
                public ThrowingTask() {
                    throw new IllegalStateException("no licence", new RuntimeException("expired"));
                }
                public String name() { return "throwing"; }
                public Set<DataKey> consumes() { return Set.of(); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) { return TaskResult.passed(); }
            }
            """;

    private final AssayProcess assay = AssayProcess.onTestClassPath(Map.of());

    @Override
    protected String databaseKind() {
        return "h2";
    }

    @Override
    protected Map<String, Object> pipelineSettings() {
        installPlugins(data);
        return ONE_WORKER;
    }

    private static void installPlugins(Path data) {
        try {
            PluginJars.example(data.resolve("plugins/line-count-plugin-1.0.jar"), data.resolve("build"));
            PluginJars.single(data.resolve("plugins/throws.jar"), data.resolve("build-throws"),
                    "org.example.bad.ThrowingTask", THROWING_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCommandListsAndSwitchesTasksInADataDirectoryWithoutAServer(@TempDir Path alone) throws Exception {
        installPlugins(alone);
        // a server ran there once, and left its database
        TestServer.start(alone, TestDatabase.h2(alone), Map.of("assay.pipeline.workers", 0)).close();
        AssayProcess.Outcome listed = assay.run("", "plugins", "list", "--data", alone.toString());
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).containsPattern("line-count +disabled +plugin line-count-plugin-1.0.jar 1.0 +wheel"
                + " +py-lines +default").containsPattern("metadata +enabled +built-in");
        assertThat(listed.stderr()).contains("pipeline tasks in " + alone.toAbsolutePath().normalize(),
                "not installed: ", "throws.jar", "ThrowingTask could not be instantiated; caused by "
                        + "java.lang.IllegalStateException: no licence; caused by java.lang.RuntimeException: expired");

        AssayProcess.Outcome enabled = assay.run("", "plugins", "enable", "line-count", "--data", alone.toString());
        assertThat(enabled.exitCode()).as(enabled.stderr()).isZero();
        assertThat(enabled.stdout()).contains("enabled task line-count in " + alone.toAbsolutePath().normalize());
        assertThat(assay.run("", "plugins", "list", "--data", alone.toString()).stdout())
                .containsPattern("line-count +enabled +plugin .* assay plugins \\(");
    }

    @Test
    void theCommandOnARunningServersDataDirectorySwitchesWhatItsWorkersFollow() throws Exception {
        try {
            AssayProcess.Outcome disabled = assay.run("", "plugins", "disable", "metadata", "--data", data.toString());
            assertThat(disabled.exitCode()).as(disabled.stderr()).isZero();
            assertThat(disabled.stdout()).contains("disabled task metadata in " + data.toAbsolutePath().normalize());
            assertThat(server.bean(TaskSwitches.class).state().disabled()).contains("metadata");
            assertThat(admin.json("/api/v1/admin/tasks").toString()).contains("assay plugins (");
        } finally {
            server.bean(TaskSwitches.class).change("metadata", true, "test");
        }
    }
}
