package dev.assay.server.pipeline.fleet;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.assay.server.pipeline.WorkerIdentity;

/**
 * The attempts of every job: the queue records each claim and how it ended, so that the pipeline page shows which
 * worker tried when, and what became of each try.
 */
@Service
public class JobAttempts {

    private static final int MAX_WORKER = 1000;

    private final AttemptRepository repository;

    JobAttempts(AttemptRepository repository) {
        this.repository = repository;
    }

    /**
     * Records that {@code worker} claimed attempt {@code attempt} of the job; an earlier attempt still running lost
     * its lease (that is how the job came back to the queue).
     */
    public void claimed(long jobId, int attempt, WorkerIdentity worker, Instant now) {
        if (attempt > 1) {
            repository.endRunning(jobId, JobAttempt.LEASE_EXPIRED, now);
        }
        String description = worker.description();
        repository.insert(jobId, attempt, worker.holder(),
                description.length() <= MAX_WORKER ? description : description.substring(0, MAX_WORKER), now);
    }

    /** Records that the attempt ended {@code how} ({@link JobAttempt#FINISHED}, …), if it was still running. */
    public void ended(long jobId, int attempt, String how, Instant now) {
        repository.end(jobId, attempt, how, now);
    }

    /** The attempts of the pipeline's jobs, oldest first. */
    public List<JobAttempt> ofPipeline(long pipelineId) {
        return repository.ofPipeline(pipelineId);
    }

    /** The attempts of one job, oldest first. */
    public List<JobAttempt> ofJob(long jobId) {
        return repository.ofJob(jobId);
    }

    /** The ids of the jobs {@code holder} holds under a live lease. */
    List<Long> running(String holder, Instant now) {
        return repository.held(holder, now).stream().map(AttemptRepository.Held::jobId).toList();
    }

    /**
     * Revokes every live lease {@code holder} holds: each job goes back to the queue (the next claim takes it), its
     * attempt ended as cancelled; the holder's heartbeats and results are refused from now on. Returns the jobs.
     */
    List<Long> revokeLeases(String holder, Instant now) {
        return repository.held(holder, now).stream().filter(held -> repository.revoke(held, holder, now))
                .peek(held -> repository.end(held.jobId(), held.attempt(), JobAttempt.CANCELLED, now))
                .map(AttemptRepository.Held::jobId).toList();
    }
}
