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
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.Reporting;
import dev.assay.tasks.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} and {@code sdist} with their build requirements from a build wheelhouse, in the real sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildWheelhouseTest {

    Path workspace;
    Path inputs;

    // One per class, as one per worker process: each step's baseline is measured at its first job, not at every test's.
    private BuiltinTasks builtins;
    private PythonProjects projects;
    private Path wheelhouse;

    @BeforeAll
    void machine() throws Exception {
        builtins = BuiltinMachine.require();
    }

    @BeforeEach
    void directories(@TempDir Path workspace, @TempDir Path inputs) throws Exception {
        this.workspace = workspace;
        this.inputs = inputs;
        projects = new PythonProjects(inputs);
        wheelhouse = Files.createDirectories(inputs.resolve("build-wheelhouse"));
    }

    @Test
    void aBackendStagedInTheBuildWheelhouseBuildsTheWheel() throws Exception {
        TinyBackend.writeWheel(wheelhouse);
        Path sdist = tinyProjectSdist();

        ExecutionReport job = run(task(BuildTask.NAME), DataKey.SDIST, sdist,
                new BuildWheelhouse(List.of("tiny-backend"), wheelhouse, List.of()));
        TaskExecution build = job.task(BuildTask.NAME);

        assertThat(build.outcome()).as(() -> describe(build)).isEqualTo(TaskOutcome.PASSED);
        assertThat(build.rawData().values().get("wheel")).isEqualTo("tinyproj-0.1-py3-none-any.whl");
        assertThat(build.rawData().values().get("buildRequirements")).isEqualTo(Map.of("source", "wheelhouse",
                "requires", List.of("tiny-backend"), "missing", List.of()));
        assertThat(build.log()).anyMatch(line -> line.contains("build requirements from this index's wheelhouse"));
        assertThat(report(job, BuildTask.NAME).findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.code()).isEqualTo("build-requirements-from-index");
            assertThat(finding.message()).contains("tiny-backend");
        }).allMatch(finding -> finding.severity() == Severity.INFO);
    }

    @Test
    void withoutTheBackendInTheIndexTheWorkersPythonBuildsAndHasNoSuchBackend() throws Exception {
        Path sdist = tinyProjectSdist();

        ExecutionReport job = run(task(BuildTask.NAME), DataKey.SDIST, sdist,
                new BuildWheelhouse(List.of("tiny-backend"), wheelhouse, List.of("tiny-backend")));
        TaskExecution build = job.task(BuildTask.NAME);
        Report report = report(job, BuildTask.NAME);

        assertThat(build.outcome()).as(() -> describe(build)).isEqualTo(TaskOutcome.FAILED);
        assertThat(build.rawData().values().get("buildRequirements")).isEqualTo(Map.of("source", "worker",
                "requires", List.of("tiny-backend"), "missing", List.of("tiny-backend")));
        assertThat(build.log()).contains("build requirements not in this index: tiny-backend; built with the worker's "
                + "Python");
        assertThat(report.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.code()).isEqualTo("build-failed");
            assertThat(finding.message()).contains("tiny_backend");
        }).anySatisfy(finding -> {
            assertThat(finding.code()).isEqualTo("build-requirements-from-worker");
            assertThat(finding.message()).isEqualTo("build requirements not in this index: tiny-backend; built with "
                    + "the worker's Python");
        });
    }

    @Test
    void theSystemsSetuptoolsIsNotVisibleToABuildFromTheWheelhouse() throws Exception {
        // setuptools is "staged" as satisfied by the tiny backend's wheelhouse but is not in it: pip must fail
        TinyBackend.writeWheel(wheelhouse);
        Path project = projects.write("plain", "", Map.of("plain/__init__.py", ""));
        Path sdist = projects.sdist(project, "plain");

        ExecutionReport job = run(task(BuildTask.NAME), DataKey.SDIST, sdist,
                new BuildWheelhouse(List.of("tiny-backend"), wheelhouse, List.of()));
        TaskExecution build = job.task(BuildTask.NAME);

        assertThat(build.outcome()).as(() -> describe(build)).isEqualTo(TaskOutcome.FAILED);
        assertThat(String.join("\n", build.log())).contains("setuptools");
    }

    @Test
    void theSdistTaskBuildsACommitsTreeWithTheStagedBackend() throws Exception {
        TinyBackend.writeWheel(wheelhouse);
        Path tree = tinyProject();
        PythonProjects.readableByAll(inputs);

        ExecutionReport job = run(task(SdistTask.NAME), SdistTask.SOURCE_TREE, tree,
                new BuildWheelhouse(List.of("tiny-backend"), wheelhouse, List.of()));
        TaskExecution sdist = job.task(SdistTask.NAME);

        assertThat(sdist.outcome()).as(() -> describe(sdist)).isEqualTo(TaskOutcome.PASSED);
        assertThat(sdist.rawData().values().get("sdist")).isEqualTo("tinyproj-0.1.tar.gz");
        assertThat(report(job, SdistTask.NAME).findings())
                .anyMatch(finding -> finding.code().equals("build-requirements-from-index"));
    }

    private Path tinyProject() throws Exception {
        Path project = projects.write("tinyproj", "", Map.of("tinyproj/__init__.py", "VALUE = 1\n"));
        Files.writeString(project.resolve("pyproject.toml"), TinyBackend.pyproject("tinyproj"));
        return project;
    }

    private Path tinyProjectSdist() throws Exception {
        Path sdist = projects.sdist(tinyProject(), "tinyproj");
        PythonProjects.readableByAll(inputs);
        return sdist;
    }

    private Task task(String name) {
        return builtins.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private ExecutionReport run(Task task, DataKey source, Path path, BuildWheelhouse staged)
            throws InterruptedException {
        Map<DataKey, Object> initial = Map.of(source, path, BuildTask.BUILD_WHEELHOUSE, staged);
        ExecutionManager manager = new ExecutionManager(
                ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMinutes(5)), Clock.systemUTC());
        return manager.run(ExecutionPlan.of(List.of(task), initial.keySet()), initial, workspace);
    }

    private Report report(ExecutionReport job, String task) {
        return new Reporting(builtins.evaluators()).evaluate(job).stream().filter(r -> r.task().equals(task))
                .findFirst().orElseThrow();
    }

    private static String describe(TaskExecution execution) {
        return execution.outcome() + ": " + execution.message() + "\n" + String.join("\n", execution.log());
    }
}
