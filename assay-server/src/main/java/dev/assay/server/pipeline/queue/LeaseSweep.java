package dev.assay.server.pipeline.queue;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.fleet.JobAttempt;
import dev.assay.server.pipeline.fleet.JobAttempts;

/**
 * Looks for jobs whose lease ran out at most once a second per server, not at every claim: gives up those that
 * used their last attempt, and tells claims whether any are left to claim again. A lease runs for minutes, so a
 * second more before its job is taken again costs nothing, and a busy queue saves two statements a claim.
 */
@Component
class LeaseSweep {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final JobRepository jobs;
    private final PipelineRepository pipelines;
    private final JobAttempts attempts;
    private final PipelineProperties properties;

    // guarded by this
    private Instant next = Instant.MIN;
    private boolean abandoned;

    LeaseSweep(JobRepository jobs, PipelineRepository pipelines, JobAttempts attempts,
            PipelineProperties properties) {
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.attempts = attempts;
        this.properties = properties;
    }

    /** Whether a claim at {@code now} should look for an abandoned job first; sweeps when a sweep is due. */
    synchronized boolean abandonedJobs(Instant now) {
        if (!now.isBefore(next)) {
            abandoned = sweep(now);
            next = now.plus(EVERY);
        }
        return abandoned;
    }

    /** A claim found no abandoned job it could take: until the next sweep, claims look only for queued ones. */
    synchronized void noneLeft() {
        abandoned = false;
    }

    // Gives up the expired jobs out of attempts; true when others are left to claim again.
    private boolean sweep(Instant now) {
        boolean left = false;
        for (JobRepository.Expired job : jobs.expired(now)) {
            if (job.attempts() < properties.maxAttempts()) {
                left = true;
                continue;
            }
            String error = "given up after " + job.attempts() + " attempts: every worker lost its lease";
            if (jobs.giveUp(job, error, now)) {
                attempts.ended(job.id(), job.attempts(), JobAttempt.LEASE_EXPIRED, now);
                pipelines.insertLog(job.id(), job.attempts(), null, error, now);
            }
        }
        return left;
    }
}
