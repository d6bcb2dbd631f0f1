package dev.assay.server.pipeline.queue;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.JobAttempts;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.matrix.PythonMatrix;
import dev.assay.server.pipeline.plugins.WorkerTaskCheck;
import dev.assay.server.pipeline.queue.JobRepository.HeldJob;
import dev.assay.server.pipeline.rawdata.RawFileKey;
import dev.assay.server.pipeline.rawdata.RawFiles;

/**
 * The job queue's contract with workers, in-process or remote: claim a job under a lease, keep the lease
 * with heartbeats, send log lines, send the result once. A lease that runs out makes the job claimable
 * again; whoever held it can no longer log or report, so exactly one result is recorded.
 */
@Service
public class JobQueue {

    /**
     * A log line a worker sends: {@code task} is null for the worker's own lines, {@code at} is when the worker
     * wrote it (null: when the server received it).
     */
    public record WorkerLogLine(String task, String line, Instant at) {
    }

    /** How far a worker's clock may run ahead of the server's before its log times are replaced by the server's. */
    private static final Duration CLOCK_AHEAD = Duration.ofMinutes(5);

    private static final int MAX_LINE = 4000;

    private final JobRepository jobs;
    private final PipelineRepository pipelines;
    private final PipelineProperties properties;
    private final RawFiles rawFiles;
    private final Clock clock;
    private final Workers workers;
    private final WorkerTaskCheck taskCheck;
    private final JobAttempts attempts;
    private final ClaimedJobs claimedJobs;
    private final JobResults results;
    private final LeaseSweep leaseSweep;

    JobQueue(JobRepository jobs, PipelineRepository pipelines, PipelineProperties properties, RawFiles rawFiles,
            Clock clock, Workers workers, WorkerTaskCheck taskCheck, JobAttempts attempts, ClaimedJobs claimedJobs,
            JobResults results, LeaseSweep leaseSweep) {
        this.leaseSweep = leaseSweep;
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.properties = properties;
        this.rawFiles = rawFiles;
        this.clock = clock;
        this.workers = workers;
        this.taskCheck = taskCheck;
        this.attempts = attempts;
        this.claimedJobs = claimedJobs;
        this.results = results;
    }

    /**
     * Claims the oldest waiting (or abandoned) job for {@code worker}, recorded as the job's worker; empty when
     * there is none.
     */
    @Transactional
    public Optional<ClaimedJob> claim(WorkerIdentity worker) {
        return claim(worker, WorkerOffer.UNKNOWN);
    }

    /**
     * Claims the oldest waiting (or abandoned) job that {@code worker}, offering {@code offer}, can carry out,
     * recorded as the job's worker; empty when there is none. A worker lacking an enabled plugin or command task is
     * refused, saying which (it is still recorded as seen).
     */
    @Transactional(noRollbackFor = WorkerTaskCheck.WorkerLacksTasks.class)
    public Optional<ClaimedJob> claim(WorkerIdentity worker, WorkerOffer offer) {
        if (worker.name() == null || worker.name().isBlank() || worker.name().length() > 200) {
            throw new InvalidInputException("a worker name of 1 to 200 characters is required");
        }
        if (worker.host() != null && worker.host().length() > 255) {
            throw new InvalidInputException("a worker's host name is at most 255 characters");
        }
        Instant now = clock.instant();
        if (!workers.seen(worker, offer, now).mayClaim()) {
            // drained or cancelled by an administrator: it keeps asking, and gets nothing until made active again
            return Optional.empty();
        }
        taskCheck.requireTasks(offer);
        String lease = UUID.randomUUID().toString();
        Instant expiry = now.plus(properties.lease());
        return take(new JobClaims.Claim(now, worker, lease, expiry, properties.maxAttempts(),
                        PythonMatrix.series(offer)))
                .map(id -> {
                    HeldJob job = jobs.find(id).orElseThrow();
                    attempts.claimed(id, job.attempts(), worker, now);
                    pipelines.insertLog(id, job.attempts(), null, "attempt " + job.attempts() + " of "
                            + properties.maxAttempts() + " claimed by " + worker.description(), now);
                    return claimedJobs.of(job, lease, expiry);
                });
    }

    /**
     * The commit whose tree a held job tests or rebuilds: a commit job's own, or the commit a release's version is
     * tagged at for its sdist's job and for a wheel's whose release has no sdist; empty otherwise.
     */
    public Optional<String> sourceCommit(HeldJob job) {
        return claimedJobs.sourceCommit(job);
    }

    /** Extends the lease of a held job; a lost lease is a conflict, and the worker must stop. */
    public Instant heartbeat(long jobId, String lease) {
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.lease());
        if (!jobs.extend(jobId, requireLease(lease), now, expiry)) {
            throw lost(jobId);
        }
        return expiry;
    }

    /**
     * Appends lines to the job's log, if the caller still holds the job; each keeps the time the worker wrote it,
     * unless that time is missing or implausible (before the job was claimed, or ahead of the server's clock by
     * more than a few minutes), when it gets the time it arrived.
     */
    @Transactional
    public void log(long jobId, String lease, List<WorkerLogLine> lines) {
        HeldJob job = held(jobId, lease);
        Instant now = clock.instant();
        for (WorkerLogLine line : lines) {
            if (line == null || line.line() == null) {
                throw new InvalidInputException("every log line needs a 'line'");
            }
            pipelines.insertLog(jobId, job.attempts(), line.task(), truncate(line.line(), MAX_LINE),
                    writtenAt(line, job, now));
        }
    }

    /**
     * Keeps one raw-data file of one of the job's tasks, if the caller still holds the job; the result's raw
     * data then lists it. Returns the file's raw-data entry: its name, the bytes kept and any limit that cut it.
     */
    public Map<String, Object> attach(long jobId, String lease, String task, String name, InputStream content) {
        HeldJob job = held(jobId, lease);
        return rawFiles.keep(new RawFileKey(job.pipelineId(), jobId, job.attempts(), task, name), content);
    }

    /**
     * Records the job's result once, if the caller still holds a live lease; otherwise a conflict. Each task's
     * raw-data {@code files} become the files this attempt attached for it: what the worker listed is ignored.
     */
    @Transactional
    public void result(long jobId, String lease, List<TaskReport> tasks) {
        JobResults.validate(tasks);
        HeldJob job = held(jobId, lease);
        if (!results.record(job, lease, tasks, clock.instant())) {
            throw lost(jobId);
        }
    }

    // An abandoned job first, as it has waited longest; then a queued one.
    private Optional<Long> take(JobClaims.Claim claim) {
        if (leaseSweep.abandonedJobs(claim.now())) {
            Optional<Long> abandoned = jobs.claim(claim, JobClaims.ABANDONED);
            if (abandoned.isPresent()) {
                return abandoned;
            }
            leaseSweep.noneLeft();
        }
        return jobs.claim(claim, JobClaims.QUEUED);
    }

    /** The job, if the caller still holds it under {@code lease}; otherwise a conflict. */
    public HeldJob held(long jobId, String lease) {
        HeldJob job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("there is no job " + jobId));
        if (!requireLease(lease).equals(job.lease()) || !job.status().equals("running")
                || job.leaseExpiresAt().isBefore(clock.instant())) {
            throw lost(jobId);
        }
        return job;
    }

    private static Instant writtenAt(WorkerLogLine line, HeldJob job, Instant now) {
        Instant at = line.at();
        boolean plausible = at != null && !at.isAfter(now.plus(CLOCK_AHEAD))
                && (job.startedAt() == null || !at.isBefore(job.startedAt().minus(CLOCK_AHEAD)));
        return plausible ? at : now;
    }

    private static String requireLease(String lease) {
        if (lease == null || lease.isBlank()) {
            throw new InvalidInputException("the 'lease' the claim returned is required");
        }
        return lease;
    }

    private static ConflictException lost(long jobId) {
        return new ConflictException("the lease on job " + jobId + " is lost: it ran out or the job was claimed "
                + "again; stop working on it, its result will not be recorded");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
