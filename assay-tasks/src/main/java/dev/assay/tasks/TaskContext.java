package dev.assay.tasks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What a running {@link Task} sees of its job: inputs, workspace, log, raw data, outputs and deadline. */
public interface TaskContext {

    /** The consumed data, by key: exactly the task's {@link Task#consumes()} keys, each with its value. */
    Map<DataKey, Object> inputs();

    /**
     * One consumed value, cast to {@code type}.
     *
     * @throws IllegalArgumentException if the task does not consume {@code key}
     * @throws ClassCastException if the value is not a {@code type}
     */
    <T> T input(DataKey key, Class<T> type);

    /** The job's workspace directory, shared by the job's tasks; the only place a task may write. */
    Path workspace();

    /** Appends one line to this execution's log (kept with the result and streamed while the job runs). */
    void log(String line);

    /**
     * Records a structured raw-data value under {@code name}, replacing an earlier one; values should be
     * JSON-like (strings, numbers, booleans, lists, maps, records).
     */
    void record(String name, Object value);

    /**
     * Attaches a file of raw data (a log, JUnit XML, a trace) under {@code name}; relative paths are
     * resolved against the workspace.
     *
     * @throws IllegalArgumentException if the file lies outside the workspace
     */
    void attach(String name, Path file);

    /**
     * Publishes a produced value for the tasks that consume {@code key}; it reaches them only if this
     * task passes.
     *
     * @throws IllegalArgumentException if the task does not declare {@code key} in {@link Task#produces()}
     */
    void publish(DataKey key, Object value);

    /** The instant after which the execution is stopped and marked {@link TaskOutcome#ERROR}. */
    Instant deadline();

    /** The time left until the {@link #deadline()}, never negative; a bound for commands the task starts. */
    Duration remaining();

    /** Whether the execution was stopped (timed out or the job cancelled); the task should return soon. */
    boolean isCancelled();
}
