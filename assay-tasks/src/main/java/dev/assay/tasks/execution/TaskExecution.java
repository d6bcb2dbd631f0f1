package dev.assay.tasks.execution;

import dev.assay.tasks.RawData;
import dev.assay.tasks.TaskOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One task's execution in a job: its outcome, why, when it ran, its log and its raw data.
 *
 * @param task     the task's name
 * @param message  the task's own message, or why the manager decided the outcome
 *                 ({@code "timed out after 5s"}, {@code "skipped: 'build' failed"})
 * @param start    when it started; for a skipped task, when it was skipped
 * @param end      when it ended, never before {@code start}
 */
public record TaskExecution(String task, TaskOutcome outcome, String message, Instant start, Instant end,
                            List<String> log, RawData rawData) {

    public TaskExecution {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (end.isBefore(start)) {
            // A clock stepped backwards must not yield a negative duration.
            end = start;
        }
        log = List.copyOf(log);
        Objects.requireNonNull(rawData, "rawData");
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
