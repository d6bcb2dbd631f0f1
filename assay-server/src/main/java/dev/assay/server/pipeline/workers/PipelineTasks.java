package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * The tasks every pipeline runs, and the evaluators that turn their raw data into reports. A file's job starts
 * with {@link #DISTRIBUTION} and {@link #JOB}, plus {@code wheel} or {@code sdist} for the file under test and
 * {@code sdist} when its release has one; a commit's job with {@link #JOB} and the {@code source-tree}. Tasks
 * producing initial data, or needing data nothing provides, are left out of the job's plan.
 */
public interface PipelineTasks {

    /** The initial data of every job: a {@link java.nio.file.Path} to the distribution file under test. */
    DataKey DISTRIBUTION = DataKey.of("distribution");

    /** Initial data of every job: its {@link ClaimedJob} (project, and version and file or commit and ref). */
    DataKey JOB = DataKey.of("job");

    /**
     * Initial data of a job whose tasks run a build backend: a {@link java.nio.file.Path} to the sources it runs on —
     * the uploaded sdist, or the commit's tree the {@code sdist} task builds from. A wheel whose release has an sdist
     * is not built, and has none.
     */
    DataKey BUILD_SOURCE = DataKey.of("build-source");

    /** The tasks a pipeline may run; planned by their data dependencies. */
    List<Task> tasks();

    /**
     * The tasks of {@code job}, run with the interpreter of its Python series when it names one; a worker without
     * that series cannot plan the job.
     */
    default List<Task> tasks(ClaimedJob job) throws PlanException {
        return tasks();
    }

    /** The report evaluators for those tasks; a task without one gets an outcome-only report. */
    List<ReportEvaluator> evaluators();

    /**
     * Where the job workspaces of the configured {@code workRoot} go: there, unless these tasks' sandbox cannot
     * reach it (see {@link WorkRoot}).
     */
    default Path workRoot(Path configured) throws IOException {
        return configured;
    }
}
