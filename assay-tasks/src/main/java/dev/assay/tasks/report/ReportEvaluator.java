package dev.assay.tasks.report;

import dev.assay.tasks.execution.TaskExecution;

import java.nio.file.Path;

/** Turns the raw data of one kind of task into a {@link Report}; built-in tasks and plugins may supply one. */
public interface ReportEvaluator {

    /** The name of the task whose executions this evaluator judges. */
    String taskName();

    /**
     * Evaluates one execution of {@link #taskName()}: its outcome, message, log and raw data. It must not
     * run anything or touch the network, so reports can be recomputed from stored raw data at any time;
     * raw data files are relative to {@code workspace}.
     *
     * @param execution the execution, whatever its outcome (skipped and errored ones included)
     * @param workspace the directory the raw data files are relative to
     */
    Report evaluate(TaskExecution execution, Path workspace);
}
