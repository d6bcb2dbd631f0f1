package dev.assay.tasks.execution;

/**
 * Hears about a job while it runs, for example to stream logs to the server. Called from task threads
 * and the coordinating thread, so implementations must be thread-safe, quick, and must not throw.
 */
public interface ExecutionListener {

    ExecutionListener NONE = new ExecutionListener() { };

    /** The task named {@code task} has started. */
    default void taskStarted(String task) {
    }

    /** The task named {@code task} logged {@code line}. */
    default void logLine(String task, String line) {
    }

    /** A task has finished, was skipped, or was stopped. */
    default void taskFinished(TaskExecution execution) {
    }
}
