package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.AssayCommandRun;

/** Task plugins and switches on H2, where the command also works on the data directory itself. */
class TaskPluginsOnH2Test extends TaskPluginsContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }

    @Test
    void theCommandSwitchesTasksInTheDataDirectory() {
        AssayCommandRun.Run disabled = AssayCommandRun.run("", "plugins", "disable", "metadata", "--data",
                data.toString());
        assertThat(disabled.exitCode()).as(disabled.stderr()).isZero();
        assertThat(disabled.stdout()).contains("disabled task metadata in " + data.toAbsolutePath().normalize());
        assertThat(server.bean(TaskSwitches.class).state().disabled()).contains("metadata");

        AssayCommandRun.Run listed = AssayCommandRun.run("", "plugins", "list", "--data", data.toString());
        assertThat(listed.stdout()).containsPattern("metadata +disabled +built-in")
                .containsPattern("line-count +disabled +plugin line-count-plugin-1.0.jar");
    }
}
