package dev.assay.tasks;

/** How a task execution ended. */
public enum TaskOutcome {
    /** The task ran and found nothing wrong. */
    PASSED,
    /** The task ran and found a problem in the package (a failing test, a build error). */
    FAILED,
    /** The task could not run: it threw, timed out, or the infrastructure failed. */
    ERROR,
    /** The task did not run, because an input was missing or it did not apply. */
    SKIPPED
}
