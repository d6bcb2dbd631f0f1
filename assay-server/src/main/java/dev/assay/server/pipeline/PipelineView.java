package dev.assay.server.pipeline;

import java.time.Instant;
import java.util.List;

/** A pipeline with its latest job's task results, as the API and the pages show it. */
public record PipelineView(long id, String project, String version, String filename, String gitCommit,
        String trigger, String status, String requestedBy, Instant createdAt, Instant finishedAt, int attempts,
        List<TaskReport> tasks) {

    /** Whether the pipeline is still waiting or running. */
    public boolean active() {
        return status.equals("queued") || status.equals("running");
    }
}
