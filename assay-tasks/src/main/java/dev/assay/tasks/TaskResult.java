package dev.assay.tasks;

import java.util.Objects;

/** What a task's {@link Task#run run} returns: its outcome and a one-line message for people. */
public record TaskResult(TaskOutcome outcome, String message) {

    public TaskResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public static TaskResult passed() {
        return new TaskResult(TaskOutcome.PASSED, "");
    }

    public static TaskResult passed(String message) {
        return new TaskResult(TaskOutcome.PASSED, message);
    }

    public static TaskResult failed(String message) {
        return new TaskResult(TaskOutcome.FAILED, message);
    }

    public static TaskResult error(String message) {
        return new TaskResult(TaskOutcome.ERROR, message);
    }

    public static TaskResult skipped(String message) {
        return new TaskResult(TaskOutcome.SKIPPED, message);
    }
}
