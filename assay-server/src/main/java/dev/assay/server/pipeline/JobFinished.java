package dev.assay.server.pipeline;

import java.util.List;

/**
 * Published inside the transaction that records a file job's result, so that what the server keeps of it
 * (a rendered description) is written with it. {@code tasks} are as the worker sent them; the files each task
 * kept are found by {@code pipelineId}, {@code jobId}, {@code attempt}, task and name.
 */
public record JobFinished(long pipelineId, long jobId, int attempt, String project, String version,
        String filename, List<TaskReport> tasks) {

    public JobFinished {
        tasks = List.copyOf(tasks);
    }
}
