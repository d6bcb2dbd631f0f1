package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static dev.assay.tasks.execution.FakeTask.passing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionManagerTest {

    @TempDir
    Path workspace;

    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    private ExecutionReport run(int parallelism, FakeTask... tasks) throws InterruptedException {
        ExecutionPlan plan = ExecutionPlan.of(List.of(tasks), Set.of());
        ExecutionListener recorder = new ExecutionListener() {
            @Override
            public void taskStarted(String task) {
                started.add(task);
            }
        };
        return new ExecutionManager(ExecutionSettings.defaults().withParallelism(parallelism), Clock.systemUTC())
                .run(plan, Map.of(), workspace, recorder);
    }

    @Test
    void runsAChainProducersFirst() throws InterruptedException {
        ExecutionReport report = run(4, passing("a", "b-out", ""), passing("b", "c-out", "b-out"),
                passing("c", "", "c-out"));

        assertThat(started).containsExactly("c", "b", "a");
        assertThat(report.tasks()).extracting(TaskExecution::task).containsExactly("c", "b", "a");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aConsumerSeesTheValueItsProducerPublished() throws InterruptedException {
        List<Object> seen = new ArrayList<>();
        FakeTask producer = passing("b", "", "d").doing(context -> {
            context.publish(DataKey.of("d"), Path.of("dist/pkg-1.0-py3-none-any.whl"));
            return TaskResult.passed();
        });
        FakeTask consumer = passing("a", "d", "").doing(context -> {
            seen.add(context.input(DataKey.of("d"), Path.class));
            return TaskResult.passed();
        });

        run(2, consumer, producer);

        assertThat(started).containsExactly("b", "a");
        assertThat(seen).containsExactly(Path.of("dist/pkg-1.0-py3-none-any.whl"));
    }

    @Test
    void skipsTheConsumersOfAFailedTaskNamingIt() throws InterruptedException {
        ExecutionReport report = run(2, passing("a", "b-out", ""),
                passing("b", "c-out", "b-out").doing(context -> TaskResult.failed("3 errors")),
                passing("c", "", "c-out"), passing("d", "b-out", "d-out"), passing("e", "d-out", ""));

        assertThat(report.task("b").outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(report.task("b").message()).isEqualTo("3 errors");
        assertThat(report.task("a").outcome()).isEqualTo(TaskOutcome.SKIPPED);
        assertThat(report.task("a").message()).isEqualTo("skipped: 'b' failed");
        // Transitively: e waits on d, which was skipped because of b.
        assertThat(report.task("e").outcome()).isEqualTo(TaskOutcome.SKIPPED);
        assertThat(report.task("e").message()).isEqualTo("skipped: 'b' failed");
        assertThat(started).containsExactly("c", "b");
    }

    @Test
    void skipsTheConsumersOfATaskThatPassedWithoutPublishing() throws InterruptedException {
        ExecutionReport report = run(1, passing("build", "", "wheel").doing(context -> TaskResult.passed()),
                passing("install", "wheel", ""));

        assertThat(report.task("install").message()).isEqualTo("skipped: 'build' did not produce 'wheel'");
    }

    @Test
    void aThrowingTaskIsAnErrorWithTheExceptionsMessage() throws InterruptedException {
        ExecutionReport report = run(1, passing("build", "", "wheel").doing(context -> {
            throw new IllegalStateException("no compiler");
        }), passing("install", "wheel", ""));

        assertThat(report.task("build").outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(report.task("build").message()).isEqualTo("no compiler");
        assertThat(report.task("build").log()).anyMatch(line -> line.contains("IllegalStateException"));
        assertThat(report.task("install").message()).isEqualTo("skipped: 'build' could not run");
    }

    @Test
    void independentTasksRunInParallel() throws InterruptedException {
        CyclicBarrier barrier = new CyclicBarrier(2);
        FakeTask.Body meet = context -> {
            barrier.await(30, TimeUnit.SECONDS);
            return TaskResult.passed();
        };

        ExecutionReport report = run(2, passing("left", "", "").doing(meet), passing("right", "", "").doing(meet));

        assertThat(report.tasks()).extracting(TaskExecution::outcome)
                .containsExactly(TaskOutcome.PASSED, TaskOutcome.PASSED);
    }

    @Test
    void neverRunsMoreTasksAtOnceThanTheLimit() throws InterruptedException {
        ConcurrencyProbe probe = new ConcurrencyProbe();

        ExecutionReport report = run(1, passing("one", "", "").doing(probe), passing("two", "", "").doing(probe),
                passing("three", "", "").doing(probe));

        assertThat(report.passed()).isTrue();
        assertThat(probe.highest()).isEqualTo(1);
    }

    @Test
    void aTaskPastItsTimeoutIsInterruptedAndAnError() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        FakeTask hanging = passing("sleepy", "", "out").doing(context -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                context.publish(DataKey.of("out"), "too late");
            }
            return TaskResult.passed();
        });
        ExecutionSettings settings = ExecutionSettings.defaults()
                .withDefaultTimeout(Duration.ofMillis(200));

        ExecutionReport report = new ExecutionManager(settings, Clock.systemUTC())
                .run(ExecutionPlan.of(List.of(hanging, passing("after", "out", "")), Set.of()), Map.of(), workspace);

        assertThat(report.task("sleepy").outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(report.task("sleepy").message()).isEqualTo("timed out after 200ms");
        assertThat(report.task("after").message()).isEqualTo("skipped: 'sleepy' timed out");
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void recordsStartEndAndDurationOfEveryTaskAndTheJob() throws InterruptedException {
        ExecutionPlan plan = ExecutionPlan.of(List.of(passing("build", "", "wheel"), passing("install", "wheel", "")),
                Set.of());

        ExecutionReport report = new ExecutionManager(ExecutionSettings.defaults(), new TickingClock())
                .run(plan, Map.of(), workspace);

        for (TaskExecution execution : report.tasks()) {
            assertThat(execution.end()).isAfter(execution.start());
            assertThat(execution.duration()).isPositive();
        }
        assertThat(report.task("install").start()).isAfter(report.task("build").end());
        assertThat(report.duration()).isGreaterThan(report.task("build").duration());
    }

    @Test
    void keepsLogAndRawDataOfEachTask() throws InterruptedException {
        ExecutionReport report = run(1, passing("test", "", "").doing(context -> {
            context.log("collected 4 items");
            context.record("passed", 3);
            context.attach("junit-xml", Path.of("test/junit.xml"));
            return TaskResult.failed("1 of 4 tests failed");
        }));

        TaskExecution test = report.task("test");
        assertThat(test.log()).containsExactly("collected 4 items");
        assertThat(test.rawData().values()).containsEntry("passed", 3);
        assertThat(test.rawData().files()).containsEntry("junit-xml", Path.of("test/junit.xml"));
    }

    @Test
    void refusesRawDataFilesOutsideTheWorkspace() throws InterruptedException {
        ExecutionReport report = run(1, passing("sneaky", "", "").doing(context -> {
            context.attach("shadow", Path.of("../../etc/shadow"));
            return TaskResult.passed();
        }));

        assertThat(report.task("sneaky").outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(report.task("sneaky").message()).contains("outside the workspace");
    }

    @Test
    void refusesToPublishUndeclaredData() throws InterruptedException {
        ExecutionReport report = run(1, passing("liar", "", "").doing(context -> {
            context.publish(DataKey.WHEEL, "x");
            return TaskResult.passed();
        }));

        assertThat(report.task("liar").message()).isEqualTo("task 'liar' does not produce 'wheel'");
    }

    @Test
    void capsTheLogOfANoisyTask() throws InterruptedException {
        ExecutionSettings settings = new ExecutionSettings(1, Duration.ofMinutes(1), Map.of(), 3);
        FakeTask noisy = passing("noisy", "", "").doing(context -> {
            for (int i = 0; i < 10; i++) {
                context.log("line " + i);
            }
            return TaskResult.passed();
        });

        ExecutionReport report = new ExecutionManager(settings, Clock.systemUTC())
                .run(ExecutionPlan.of(List.of(noisy), Set.of()), Map.of(), workspace);

        assertThat(report.task("noisy").log()).hasSize(4).last().asString().contains("7 more log lines");
    }

    @Test
    void requiresEveryInitialValue() {
        ExecutionPlan plan = ExecutionPlan.of(List.of(passing("build", "sdist", "")), Set.of(DataKey.SDIST));
        ExecutionManager manager = new ExecutionManager(ExecutionSettings.defaults(), Clock.systemUTC());

        assertThatThrownBy(() -> manager.run(plan, Map.of(), workspace))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sdist");
    }
}
