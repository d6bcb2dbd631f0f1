package dev.assay.server.pipeline;

import java.util.List;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * The tasks every pipeline runs, and the evaluators that turn their raw data into reports. The job's initial
 * data is {@link #DISTRIBUTION}: the path of the distribution file, copied into the job's workspace.
 */
public interface PipelineTasks {

    /** The initial data of every job: a {@link java.nio.file.Path} to the distribution file under test. */
    DataKey DISTRIBUTION = DataKey.of("distribution");

    /** The tasks of a pipeline; planned by their data dependencies. */
    List<Task> tasks();

    /** The report evaluators for those tasks; a task without one gets an outcome-only report. */
    List<ReportEvaluator> evaluators();
}
