package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.wheelhouse.BuildWheelhouseTask;
import dev.assay.server.pipeline.wheelhouse.WheelhouseTask;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.builtin.BuiltinTasks;
import dev.assay.tasks.builtin.SdistTask;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

/** Which tasks a job runs: by the machine's sandbox, the setting, and the files the release has. */
class PipelineTaskSelectionTest {

    private static final PipelineProperties SANDBOXED = properties(true);

    @Test
    void withoutASandboxThePipelineRecordsAnErrorNamingWhyAndRunsNoPackageCode(@TempDir Path workspace)
            throws Exception {
        DefaultPipelineTasks tasks = new DefaultPipelineTasks(SANDBOXED, (JobSource) null,
                () -> new SandboxProbe(Optional.empty(), "bubblewrap is not installed (apt-get install bubblewrap)"));

        assertThat(tasks.tasks()).extracting(Task::name).containsExactly("metadata", "sandbox");
        Task sandbox = tasks.tasks().get(1);
        ExecutionReport report = new ExecutionManager(ExecutionSettings.defaults(), Clock.systemUTC()).run(
                ExecutionPlan.of(List.of(sandbox), Set.of(PipelineTasks.JOB)),
                Map.of(PipelineTasks.JOB, workspace), workspace);
        assertThat(report.task("sandbox").outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(report.task("sandbox").message())
                .startsWith("no sandbox: bubblewrap is not installed (apt-get install bubblewrap)");
    }

    @Test
    void asRootAWorkspaceTheSandboxUserCannotReachMeansNoSandboxNamingTheDirectory(@TempDir Path data)
            throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root drops to nobody");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        SandboxProbe works = new SandboxProbe(Optional.of(stubSandbox()), "ok");

        SandboxProbe probe = DefaultPipelineTasks.withReachableWorkspaces(works, data.resolve("pipeline-work"));

        assertThat(probe.sandbox()).isEmpty();
        assertThat(probe.report()).contains("cannot reach", "chmod o+x " + data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
        assertThat(DefaultPipelineTasks.withReachableWorkspaces(works, data.resolve("pipeline-work")).sandbox())
                .isPresent();
    }

    @Test
    void turningTheSandboxOffRunsOnlyTheInProcessChecks() {
        DefaultPipelineTasks tasks = new DefaultPipelineTasks(properties(false), (JobSource) null, () -> {
            throw new AssertionError("the machine is not probed when the sandbox is off");
        });

        assertThat(tasks.tasks()).extracting(Task::name).containsExactly("metadata");
    }

    @Test
    void aWheelIsNotBuiltAndIsTestedOnlyWhenItsReleaseHasAnSdist() {
        List<Task> all = allTasks();
        Set<DataKey> job = Set.of(PipelineTasks.DISTRIBUTION, PipelineTasks.JOB);

        assertThat(names(JobRunner.applicable(all, plus(job, DataKey.WHEEL))))
                .containsExactly("metadata", "wheelhouse", "install", "import", "lint", "description");
        assertThat(names(JobRunner.applicable(all, plus(plus(job, DataKey.WHEEL), DataKey.SDIST))))
                .containsExactly("metadata", "wheelhouse", "install", "import", "test", "coverage", "lint",
                        "description");
        assertThat(names(JobRunner.applicable(all, plus(plus(job, DataKey.SDIST), PipelineTasks.BUILD_SOURCE))))
                .containsExactly("metadata", "wheelhouse", "build-wheelhouse", "build", "install", "import", "test",
                        "coverage", "lint", "description");
    }

    @Test
    void aCommitIsBuiltIntoAnSdistAndThenTestedLikeAnUploadedOne() {
        Set<DataKey> commit = Set.of(PipelineTasks.JOB, SdistTask.SOURCE_TREE, PipelineTasks.BUILD_SOURCE);
        List<Task> applicable = JobRunner.applicable(allTasks(), commit);

        assertThat(names(applicable)).containsExactly("wheelhouse", "build-wheelhouse", "sdist", "build", "install",
                "import", "test", "coverage", "lint");
        assertThat(names(ExecutionPlan.of(applicable, commit).tasks()))
                .as("the wheelhouse needs the built wheel, whose metadata names a commit's dependencies; the build "
                        + "wheelhouse comes before the backend runs")
                .containsSubsequence("build-wheelhouse", "sdist", "build", "wheelhouse", "install");
    }

    @Test
    void withoutASandboxACommitHasNoTaskToRun() {
        DefaultPipelineTasks tasks = new DefaultPipelineTasks(properties(false), (JobSource) null, () -> {
            throw new AssertionError("not probed");
        });

        assertThat(JobRunner.applicable(tasks.tasks(), Set.of(PipelineTasks.JOB, SdistTask.SOURCE_TREE,
                PipelineTasks.BUILD_SOURCE))).isEmpty();
    }

    private static List<Task> allTasks() {
        Sandbox never = stubSandbox();
        DefaultPipelineTasks tasks = new DefaultPipelineTasks(SANDBOXED, (JobSource) null,
                () -> new SandboxProbe(Optional.of(never), "ok"));
        List<Task> chosen = tasks.tasks();
        if (chosen.size() == 2) {
            // this machine lacks strace: build the list the way a machine with it would
            return List.copyOf(Stream.concat(
                    Stream.of(chosen.get(0), new WheelhouseTask(null, new WorkerMarkers(Path.of("/usr/bin/python3"))),
                            new BuildWheelhouseTask(null, new WorkerMarkers(Path.of("/usr/bin/python3")))),
                    new BuiltinTasks(never, Strace.debian(), BuiltinSettings.debian()).tasks().stream()).toList());
        }
        return chosen;
    }

    private static Sandbox stubSandbox() {
        return new Sandbox() {
            @Override
            public SandboxResult run(SandboxCommand command) {
                throw new AssertionError("nothing runs");
            }

            @Override
            public String workspaceInside(Path workspace) {
                return "/workspace";
            }

            @Override
            public String description() {
                return "none";
            }
        };
    }

    private static Set<DataKey> plus(Set<DataKey> keys, DataKey key) {
        return Stream.concat(keys.stream(), Stream.of(key))
                .collect(Collectors.toSet());
    }

    private static List<String> names(List<Task> tasks) {
        return tasks.stream().map(Task::name).toList();
    }

    private static PipelineProperties properties(boolean sandbox) {
        return new PipelineProperties(1, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1), 3,
                Duration.ofMinutes(30), sandbox, new PipelineProperties.Limits(DataSize.ofGigabytes(2), 256,
                        Duration.ofMinutes(10), DataSize.ofGigabytes(1), Duration.ofMinutes(15), DataSize.ofGigabytes(2)));
    }
}
