package dev.assay.tasks.execution;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the execution manager runs a plan.
 *
 * @param parallelism     how many tasks of one job may run at the same time (at least 1)
 * @param defaultTimeout  the wall time a task may take unless {@code timeouts} names it
 * @param timeouts        per-task wall time, by task name
 * @param maxLogLines     lines kept per task log; the rest is dropped with a note, so a noisy package
 *                        cannot exhaust the worker's memory
 */
public record ExecutionSettings(int parallelism, Duration defaultTimeout, Map<String, Duration> timeouts,
                                int maxLogLines) {

    public ExecutionSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        requirePositive(defaultTimeout, "defaultTimeout");
        timeouts = Map.copyOf(timeouts);
        timeouts.forEach((task, timeout) -> requirePositive(timeout, "timeout of '" + task + "'"));
        if (maxLogLines < 1) {
            throw new IllegalArgumentException("maxLogLines must be at least 1, was " + maxLogLines);
        }
    }

    /** Two tasks at a time, 30 minutes each, 50,000 log lines per task. */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(2, Duration.ofMinutes(30), Map.of(), 50_000);
    }

    public ExecutionSettings withParallelism(int value) {
        return new ExecutionSettings(value, defaultTimeout, timeouts, maxLogLines);
    }

    public ExecutionSettings withDefaultTimeout(Duration value) {
        return new ExecutionSettings(parallelism, value, timeouts, maxLogLines);
    }

    /** The wall time allowed to the task named {@code taskName}. */
    public Duration timeoutFor(String taskName) {
        return timeouts.getOrDefault(taskName, defaultTimeout);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
