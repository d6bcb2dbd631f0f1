package dev.assay.tasks.command;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTaskTest {

    private static final DataKey COUNT = DataKey.of("count");

    @TempDir
    Path workspace;

    private ExecutionReport run(ExecutionSettings settings, CommandTaskDefinition... definitions)
            throws IOException, InterruptedException {
        Files.writeString(workspace.resolve("pkg-1.0.tar.gz"), "twelve bytes");
        List<CommandTask> tasks = Arrays.stream(definitions)
                .map(d -> new CommandTask(d, new ProcessCommandRunner())).toList();
        return new ExecutionManager(settings, Clock.systemUTC()).run(ExecutionPlan.of(tasks, Set.of(DataKey.SDIST)),
                Map.of(DataKey.SDIST, Path.of("pkg-1.0.tar.gz")), workspace);
    }

    @Test
    void runsTheCommandWithItsInputsAndPublishesWhatItWrote() throws Exception {
        CommandTaskDefinition measure = new CommandTaskDefinition("measure", Set.of(DataKey.SDIST), Set.of(COUNT),
                List.of("sh", "-c", "echo measuring; wc -c < {in:sdist} > {out:count}"));
        CommandTaskDefinition show = new CommandTaskDefinition("show", Set.of(COUNT), Set.of(),
                List.of("sh", "-c", "echo size $(cat {in:count})"));

        ExecutionReport report = run(ExecutionSettings.defaults(), show, measure);

        assertThat(report.passed()).isTrue();
        assertThat(report.task("measure").log()).containsExactly("measuring");
        assertThat(report.task("show").log()).containsExactly("size 12");
        assertThat(report.task("measure").rawData().values()).containsEntry("exitCode", 0);
    }

    @Test
    void aNonZeroExitFailsTheTask() throws Exception {
        ExecutionReport report = run(ExecutionSettings.defaults(), new CommandTaskDefinition("check",
                Set.of(DataKey.SDIST), Set.of(), List.of("sh", "-c", "echo bad metadata; exit 3")));

        assertThat(report.task("check").outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(report.task("check").message()).isEqualTo("command exited with code 3");
    }

    @Test
    void aCommandThatWritesNoProductFails() throws Exception {
        ExecutionReport report = run(ExecutionSettings.defaults(), new CommandTaskDefinition("lazy",
                Set.of(), Set.of(COUNT), List.of("true")));

        assertThat(report.task("lazy").outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(report.task("lazy").message()).contains("did not write 'count'");
    }

    @Test
    void aHangingCommandIsStoppedAtTheDeadline() throws Exception {
        ExecutionSettings settings = ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMillis(300));

        ExecutionReport report = run(settings, new CommandTaskDefinition("hang", Set.of(), Set.of(),
                List.of("sleep", "600")));

        assertThat(report.task("hang").outcome()).isEqualTo(TaskOutcome.ERROR);
    }

    @Test
    void rejectsPlaceholdersForUndeclaredData() {
        assertThatThrownBy(() -> new CommandTaskDefinition("x", Set.of(), Set.of(),
                List.of("cat", "{in:wheel}"))).hasMessageContaining("does not consume 'wheel'");
        assertThatThrownBy(() -> new CommandTaskDefinition("x", Set.of(), Set.of(),
                List.of("touch", "{out:wheel}"))).hasMessageContaining("does not produce 'wheel'");
    }
}
