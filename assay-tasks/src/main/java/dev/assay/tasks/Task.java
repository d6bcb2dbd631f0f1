package dev.assay.tasks;

import java.util.Set;

/**
 * One kind of execution in a test pipeline (build, install, test, lint, …); built-ins and plugins implement it.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} and need a public no-argument
 * constructor there. One instance may run in several jobs at once, so it must keep no per-run state
 * in fields: everything a run needs comes from its {@link TaskContext}.
 */
public interface Task {

    /**
     * The task's unique name in a plan, such as {@code build}; it names the task in logs, reports and
     * skip reasons. Must be constant for the instance.
     */
    String name();

    /**
     * The data this task needs before it can run. Every key must be produced by another task of the plan
     * or be the job's initial data; if a producer does not pass, this task is skipped. Must be constant.
     */
    Set<DataKey> consumes();

    /**
     * The data this task publishes through {@link TaskContext#publish} when it passes. No two tasks of
     * a plan may produce the same key. Must be constant.
     */
    Set<DataKey> produces();

    /**
     * Runs the task once. It reads its inputs and writes files only inside
     * {@link TaskContext#workspace()}, logs through {@link TaskContext#log}, records raw data and
     * publishes its products through the context, and returns {@link TaskOutcome#FAILED} when the
     * package has a problem. A thrown exception makes the execution {@link TaskOutcome#ERROR} with the
     * exception's message. It should return promptly when interrupted or when
     * {@link TaskContext#isCancelled()} turns true: after the deadline its publications are ignored.
     *
     * @param context this execution's inputs, workspace, log, raw data and deadline
     * @return the outcome and a one-line message, never {@code null}
     * @throws Exception when the task cannot run
     */
    TaskResult run(TaskContext context) throws Exception;
}
