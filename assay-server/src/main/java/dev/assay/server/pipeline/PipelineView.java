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
 */
public record PipelineView(long id, String project, String version, String filename, String gitCommit,
        String gitRef, String trigger, String status, String requestedBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, Long durationMs, int attempts, WorkerIdentity worker, List<TaskReport> tasks,
        String upstream) {

    /** Whether the pipeline tests the kept copy of a file an upstream lists. */
    public boolean ofMirroredFile() {
        return upstream != null;
    }

    /** Whether the pipeline is still waiting or running. */
    public boolean active() {
        return status.equals("queued") || status.equals("running");
    }
}
