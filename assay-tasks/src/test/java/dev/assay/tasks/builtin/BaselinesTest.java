package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {

    /** The measurements here write their trace themselves: no command runs. */
    private static final Sandbox NOTHING_RUNS = new Sandbox() {
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

    @TempDir
    Path workspace;

    private final String step = "step-" + UUID.randomUUID();
    private final AtomicInteger measured = new AtomicInteger();
    private final Baselines baselines = new Baselines();

    @Test
    void aMeasuredBaselineIsTakenFromTheEmptyRunsTraceOnceAndKept() throws Exception {
        Baselines.Measurement measurement = sandboxStep -> {
            measured.incrementAndGet();
            return Files.writeString(sandboxStep.dir().resolve("baseline.trace"), """
                    5 execve("/usr/bin/uname", ["uname", "-rs"], 0x1 /* 3 vars */) = 0
                    5 openat(AT_FDCWD, "/var/cache/tool.lock", O_WRONLY|O_CREAT, 0644) = 3
                    5 openat(AT_FDCWD, "/workspace/baseline-x/out", O_WRONLY|O_CREAT, 0644) = 4
                    """);
        };

        TraceBaseline first = baseline(measurement);
        TraceBaseline second = baseline(measurement);

        assertThat(first.programs()).containsExactly("uname");
        assertThat(first.writablePaths()).containsExactly("/var/cache/tool.lock");
        assertThat(first.source()).startsWith("measured");
        assertThat(second).isEqualTo(first);
        assertThat(measured).hasValue(1);
    }

    @Test
    void aFailedMeasurementFallsBackToTheKnownListSaysWhyAndIsTriedAgain() throws Exception {
        Baselines.Measurement failing = sandboxStep -> {
            measured.incrementAndGet();
            throw new IOException("pip exited with 2");
        };

        TraceBaseline first = baseline(failing);
        TraceBaseline second = baseline(failing);

        assertThat(first.programs()).containsAll(TraceBaseline.PIP_PROGRAMS).as("the sandbox's supervisor")
                .contains("bash").hasSize(TraceBaseline.PIP_PROGRAMS.size() + 1);
        assertThat(first.source()).startsWith("fallback").contains("pip exited with 2");
        assertThat(second).isEqualTo(first);
        assertThat(measured).hasValue(2);
    }

    /** Runs Baselines.of inside a task, as the built-in tasks do, and returns what it gave. */
    private TraceBaseline baseline(Baselines.Measurement measurement) throws InterruptedException {
        TraceBaseline[] result = new TraceBaseline[1];
        Task task = new Task() {
            @Override
            public String name() {
                return "measure";
            }

            @Override
            public Set<DataKey> consumes() {
                return Set.of();
            }

            @Override
            public Set<DataKey> produces() {
                return Set.of();
            }

            @Override
            public TaskResult run(TaskContext context) throws Exception {
                result[0] = baselines.of(step, context, NOTHING_RUNS, SandboxLimits.defaults(),
                        TraceBaseline.PIP_PROGRAMS, measurement);
                return TaskResult.passed();
            }
        };
        new ExecutionManager(ExecutionSettings.defaults(), Clock.systemUTC())
                .run(ExecutionPlan.of(List.of(task), Set.of()), Map.of(), workspace);
        return result[0];
    }
}
