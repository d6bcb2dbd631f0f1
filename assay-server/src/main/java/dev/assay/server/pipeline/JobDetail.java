package dev.assay.server.pipeline;

import java.util.List;

/**
 * One job of a pipeline (its run on one Python series) with its own worker, attempts, task results and log, for
 * {@code GET /api/v1/pipelines/{id}/jobs/{job}} and the pipeline page's job section.
 *
 * @param python   the series it runs on; null for any worker's Python
 * @param status   its state as a pipeline's is shown: queued, running, or its outcome once finished
 * @param latest   whether it is the pipeline's last job, whose results the pipeline's own JSON carries
 * @param attempts how many times it was claimed
 * @param worker   the worker that holds it or produced its result; null while never claimed
 */
public record JobDetail(long id, String python, String status, boolean latest, int attempts, WorkerIdentity worker,
        List<TaskReport> tasks, List<LogLine> log) {
}
