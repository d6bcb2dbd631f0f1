package dev.assay.server.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A pipeline with its latest job's task results, as the API and the pages show it. Its subject is a file of a
 * release ({@code version} and {@code filename}) or a commit ({@code gitCommit}, and the {@code gitRef} a push
 * updated, absent for a manual re-run of a commit without one).
 *
 * @param startedAt  when a worker claimed the job (its latest attempt); null while queued
 * @param durationMs the job's total, from its claim to its result; null until it has finished
 * @param worker     the worker that holds the job or produced its result; null while no worker has claimed it
 * @param upstream   for a mirrored file's pipeline (no version, {@code project} a name this index does not host),
 *                   the URL of the upstream the file came from; null for a hosted project's
 * @param status     the pipeline's state over its jobs: queued or running while one is, then the worst outcome
 * @param tasks      the task results of the pipeline's latest job
 * @param matrix     every job of the pipeline, one per Python series it tests, in the order they were queued
 * @param retestOf   for a downstream re-test, the new release of a dependency it tests the release against; null
 *                   for any other pipeline
 */
public record PipelineView(long id, String project, String version, String filename, String gitCommit,
        String gitRef, String trigger, String status, String requestedBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, Long durationMs, int attempts, WorkerIdentity worker, List<TaskReport> tasks,
        String upstream, List<PythonRun> matrix, RetestOf retestOf) {

    /**
     * One job of the pipeline's Python-version matrix: its id, the series it ran on (null: any worker's Python), its
     * state as a pipeline's is shown, and its tasks' results.
     */
    public record PythonRun(long jobId, String python, String status, List<TaskReport> tasks) {

        /** The outcome of the task named {@code task} in this run, or {@code -} when it did not run here. */
        public String outcome(String task) {
            return tasks.stream().filter(report -> report.name().equals(task)).map(TaskReport::outcome).findFirst()
                    .orElse("-");
        }
    }

    public PipelineView {
        matrix = matrix == null ? List.of() : List.copyOf(matrix);
    }

    /** Whether the pipeline ran on named Python series: its page then shows the matrix (version x task). */
    public boolean hasMatrix() {
        return matrix.stream().anyMatch(run -> run.python() != null);
    }

    /** The tasks of every run of the matrix, in the order they first ran. */
    public List<String> matrixTasks() {
        return matrix.stream().flatMap(run -> run.tasks().stream()).map(TaskReport::name).distinct().toList();
    }

    /** Whether the pipeline tests the kept copy of a file an upstream lists. */
    public boolean ofMirroredFile() {
        return upstream != null;
    }

    /** Whether the pipeline is still waiting or running. */
    public boolean active() {
        return status.equals("queued") || status.equals("running");
    }
}
