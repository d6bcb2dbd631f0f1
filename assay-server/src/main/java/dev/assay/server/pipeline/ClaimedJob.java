package dev.assay.server.pipeline;

import java.time.Instant;

/**
 * A job a worker holds: what to test, and the lease it must present with every heartbeat, log and result.
 *
 * @param lease   the secret of this claim; a later claim of the same job gets another one
 * @param attempt which claim of the job this is, from 1
 */
public record ClaimedJob(long jobId, long pipelineId, int attempt, String lease, Instant leaseExpiresAt,
        String project, String version, String filename, String fileUrl) {
}
