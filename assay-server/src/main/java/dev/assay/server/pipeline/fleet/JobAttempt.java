package dev.assay.server.pipeline.fleet;

import java.time.Instant;

/**
 * One claim of a job: which worker (as its description names it), when, and how it ended ({@link #RUNNING} until
 * then; {@link #FINISHED}, {@link #LEASE_EXPIRED} or {@link #CANCELLED}).
 */
public record JobAttempt(long jobId, int attempt, String worker, Instant claimedAt, Instant endedAt, String ended) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String LEASE_EXPIRED = "lease expired";
    public static final String CANCELLED = "cancelled";
}
