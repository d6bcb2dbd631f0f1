package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.execution.TaskExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in tasks in the real sandbox record the environment variables a package's import and tests read,
 * beyond what the interpreter and pytest read on their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltinEnvReadsTest {

    private BuiltinTasks builtins;

    @BeforeAll
    void machine() throws Exception {
        builtins = BuiltinMachine.require();
    }

    @Test
    void importAndTestRecordThePackagesEnvironmentReadsOnlyAndNoWriteOfTheirOwn(@TempDir Path workspace,
                                                                                @TempDir Path inputs)
            throws Exception {
        PythonProjects projects = new PythonProjects(inputs);
        Path project = projects.write("envpkg", "", Map.of(
                "src/envpkg/__init__.py", """
                        import os

                        KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
                        REGION = os.getenv("AWS_DEFAULT_REGION", "nowhere")
                        """,
                "MANIFEST.in", "recursive-include tests *.py\n",
                "tests/test_env.py", """
                        import os

                        import envpkg


                        def test_reads_a_token():
                            assert "GITHUB_TOKEN" not in os.environ
                            assert envpkg.REGION == "nowhere"
                        """));
        Path sdist = PythonProjects.only(projects.build(project), ".tar.gz");
        Path wheelhouse = Files.createDirectories(inputs.resolve("wheelhouse"));
        List<Task> tasks = builtins.tasks().stream().filter(task -> Set.of(BuildTask.NAME, InstallTask.NAME,
                ImportTask.NAME, TestTask.NAME).contains(task.name())).toList();
        Map<DataKey, Object> initial = new HashMap<>(Map.of(DataKey.SDIST, sdist, InstallTask.WHEELHOUSE, wheelhouse,
                BuildTask.BUILD_WHEELHOUSE, BuildWheelhouse.none()));
        ExecutionReport job = new ExecutionManager(ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMinutes(5)),
                Clock.systemUTC()).run(ExecutionPlan.of(tasks, Set.copyOf(initial.keySet())), initial, workspace);

        TaskExecution imported = job.task(ImportTask.NAME);
        assertThat(imported.outcome()).as(() -> describe(imported)).isEqualTo(TaskOutcome.PASSED);
        assertThat(env(imported)).as(() -> describe(imported))
                .containsExactly("AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION");
        assertThat(imported.rawData().values().get("baseline")).asString().contains("envReads=");
        TaskExecution tested = job.task(TestTask.NAME);
        assertThat(tested.outcome()).as(() -> describe(tested)).isEqualTo(TaskOutcome.PASSED);
        assertThat(env(tested)).as("pytest's own reads are its baseline's").as(() -> describe(tested))
                .containsExactlyInAnyOrder("AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "GITHUB_TOKEN");
        for (TaskExecution task : List.of(imported, tested)) {
            assertThat(behaviour(task)).as("the recorder's own file is in the workspace, not a write outside it")
                    .noneMatch(item -> item.get("value").contains("env-reads"));
        }
    }

    private static List<String> env(TaskExecution task) {
        return behaviour(task).stream().filter(item -> item.get("kind").equals("env")).map(item -> item.get("value"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> behaviour(TaskExecution task) {
        return (List<Map<String, String>>) task.rawData().values().get(Behaviour.RAW_DATA);
    }

    private static String describe(TaskExecution execution) {
        return execution.outcome() + ": " + execution.message() + " " + execution.rawData().values() + "\n"
                + String.join("\n", execution.log());
    }
}
