package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdist}: a source tree built into an sdist in the sandbox, which {@code build} then turns into a wheel. */
class SdistTaskTest {

    @TempDir
    Path workspace;

    private BuiltinTasks builtins;
    private Path tree;

    @BeforeEach
    void machine() throws Exception {
        builtins = BuiltinMachine.require();
        tree = Files.createDirectories(workspace.resolve("source"));
    }

    @Test
    void buildsAnSdistTheBuildTaskTurnsIntoAWheelAndWarnsOfTestsLeftOut() throws Exception {
        write("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "treepkg"
                version = "0.2"

                [tool.setuptools]
                packages = ["treepkg"]
                """);
        write("treepkg/__init__.py", "X = 1\n");
        write("tests/test_x.py", "def test_x():\n    assert True\n");
        Task sdist = new SdistTask(builtins.sandbox(), builtins.strace(), builtins.baselines(),
                builtins.settings());
        Task build = new BuildTask(builtins.sandbox(), builtins.strace(), builtins.baselines(),
                builtins.settings());

        ExecutionReport job = run(List.of(sdist, build));

        assertThat(job.task("sdist").outcome()).as(() -> describe(job.task("sdist"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(job.task("sdist").message()).startsWith("built treepkg-0.2.tar.gz").contains("leaves out tests/");
        assertThat(job.task("build").outcome()).as(() -> describe(job.task("build"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(job.task("build").message()).startsWith("built treepkg-0.2-py3-none-any.whl");
        Report report = evaluator().evaluate(job.task("sdist"), workspace);
        assertThat(report.findings()).extracting(Finding::severity, Finding::code)
                .containsExactly(tuple(Severity.WARNING, "tests-not-in-sdist"),
                        tuple(Severity.INFO, "build-requirements-from-worker"));
    }

    @Test
    void aTreeWithoutABuildFileFailsWithoutRunningAnything() throws Exception {
        write("README.md", "# notes\n");

        ExecutionReport job = run(List.of(new SdistTask(builtins.sandbox(), builtins.strace(), builtins.baselines(),
                builtins.settings())));

        TaskExecution sdist = job.task("sdist");
        assertThat(sdist.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(sdist.message()).startsWith("no pyproject.toml or setup.py at the commit's root");
        assertThat(workspace.resolve("sdist")).doesNotExist();
        assertThat(evaluator().evaluate(sdist, workspace).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("no pyproject.toml or setup.py"));
    }

    private void write(String path, String content) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ExecutionReport run(List<Task> tasks) throws InterruptedException {
        Map<DataKey, Object> initial = Map.of(SdistTask.SOURCE_TREE, tree, BuildTask.BUILD_WHEELHOUSE,
                BuildWheelhouse.none());
        ExecutionManager manager = new ExecutionManager(
                ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMinutes(5)), Clock.systemUTC());
        return manager.run(ExecutionPlan.of(tasks, initial.keySet()), initial, workspace);
    }

    private static String describe(TaskExecution execution) {
        return execution.outcome() + ": " + execution.message() + "\n" + String.join("\n", execution.log());
    }

    private SdistReport evaluator() {
        return new SdistReport(builtins.sandbox().workspaceInside(workspace));
    }
}
