package dev.assay.server.pipeline.pages;

import java.time.Instant;

import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.RetestOf;

/**
 * A line of a project's pipeline list: the pipeline without its tasks, and how many findings of severity error or
 * critical its latest job recorded.
 *
 * @param durationMs the job's total, as {@link PipelineView#durationMs}; null until it has finished
 * @param retestOf   as {@link PipelineView#retestOf}: the library release a downstream re-test is for, else null
 */
public record PipelineSummary(long id, String project, String version, String filename, String gitCommit,
        String gitRef, String trigger, String status, String requestedBy, Instant createdAt, Long durationMs,
        int severeFindings, RetestOf retestOf) {

    /** The first ten digits of the commit, as the source pages show it; null for a file's pipeline. */
    public String shortCommit() {
        return gitCommit == null ? null : gitCommit.substring(0, Math.min(10, gitCommit.length()));
    }
}
