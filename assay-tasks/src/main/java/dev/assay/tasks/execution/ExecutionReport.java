package dev.assay.tasks.execution;

import dev.assay.tasks.TaskOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** Everything a job's run produced: every task's execution in plan order and the job's own timings. */
public record ExecutionReport(Path workspace, List<TaskExecution> tasks, Instant start, Instant end) {

    public ExecutionReport {
        tasks = List.copyOf(tasks);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The execution of the task named {@code name}. */
    public TaskExecution task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no task '" + name + "' in this report"));
    }

    /** Whether every task passed. */
    public boolean passed() {
        return tasks.stream().allMatch(t -> t.outcome() == TaskOutcome.PASSED);
    }
}
