package dev.assay.server.pipeline.queue;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.JobFinished;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.JobAttempt;
import dev.assay.server.pipeline.fleet.JobAttempts;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.health.Measurement;
import dev.assay.server.pipeline.matrix.PythonMatrix;
import dev.assay.server.pipeline.health.MeasurementRepository;
import dev.assay.server.pipeline.plugins.WorkerTaskCheck;
import dev.assay.server.pipeline.queue.JobRepository.HeldJob;
import dev.assay.server.pipeline.rawdata.RawFileKey;
import dev.assay.server.pipeline.rawdata.RawFiles;
import dev.assay.server.pipeline.triggers.ReleaseTags;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import dev.assay.server.upstream.files.KeptFile;
import dev.assay.server.upstream.files.UpstreamFileCache;
import tools.jackson.databind.json.JsonMapper;

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

    private static final Set<String> OUTCOMES = Set.of("passed", "failed", "error", "skipped");
    private static final int MAX_LINE = 4000;
    private static final int MAX_SUMMARY = 2000;

    private final JobRepository jobs;
    private final PipelineRepository pipelines;
    private final PipelineProperties properties;
    private final RawFiles rawFiles;
    private final JsonMapper json;
    private final Clock clock;
    private final IndexWheelhouse wheelhouse;
    private final ReleaseTags tags;
    private final MeasurementRepository measurements;
    private final ApplicationEventPublisher events;
    private final UpstreamFileCache mirrored;
    private final Workers workers;
    private final WorkerTaskCheck taskCheck;
    private final JobAttempts attempts;

    JobQueue(JobRepository jobs, PipelineRepository pipelines, PipelineProperties properties, RawFiles rawFiles,
            JsonMapper json, Clock clock, IndexWheelhouse wheelhouse, ReleaseTags tags,
            MeasurementRepository measurements, ApplicationEventPublisher events, UpstreamFileCache mirrored,
            Workers workers, WorkerTaskCheck taskCheck, JobAttempts attempts) {
        this.taskCheck = taskCheck;
        this.attempts = attempts;
        this.workers = workers;
        this.mirrored = mirrored;
        this.measurements = measurements;
        this.events = events;
        this.wheelhouse = wheelhouse;
        this.tags = tags;
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.properties = properties;
        this.rawFiles = rawFiles;
        this.json = json;
        this.clock = clock;
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
        giveUpExhausted(now);
        String lease = UUID.randomUUID().toString();
        Instant expiry = now.plus(properties.lease());
        return jobs.claim(new JobClaims.Claim(now, worker, lease, expiry, properties.maxAttempts(),
                        PythonMatrix.series(offer)))
                .map(id -> {
                    HeldJob job = jobs.find(id).orElseThrow();
                    attempts.claimed(id, job.attempts(), worker, now);
                    pipelines.insertLog(id, job.attempts(), null, "attempt " + job.attempts() + " of "
                            + properties.maxAttempts() + " claimed by " + worker.description(), now);
                    if (job.filename() == null) {
                        return new ClaimedJob(id, job.pipelineId(), job.attempts(), lease, expiry, job.project(),
                                null, null, null, null, null, null, job.gitCommit(), job.gitRef(), job.requestId(), null,
                                job.python());
                    }
                    if (job.testsMirroredFile()) {
                        return claimedMirroredFile(job, lease, expiry);
                    }
                    String fileUrl = "/files/" + job.project() + "/" + job.filename();
                    String sha256 = wheelhouse.file(job.filename()).map(DistributionFile::sha256).orElse(null);
                    Optional<DistributionFile> sdist = job.filename().endsWith(".whl")
                            ? wheelhouse.sdistFile(job.project(), job.version()) : Optional.empty();
                    Optional<ReleaseTags.Tagged> tagged = sdist.isEmpty() ? taggedSource(job) : Optional.empty();
                    return new ClaimedJob(id, job.pipelineId(), job.attempts(), lease, expiry, job.project(),
                            job.version(), job.filename(), fileUrl, sha256,
                            sdist.map(DistributionFile::filename).orElse(null),
                            sdist.map(DistributionFile::sha256).orElse(null),
                            tagged.map(ReleaseTags.Tagged::commit).orElse(null),
                            tagged.map(ReleaseTags.Tagged::ref).orElse(null), job.requestId(), null, job.python());
                });
    }

    // The kept copy is what the worker downloads (the pipeline was started once it was kept): no release, no sdist
    // of its own, no tagged commit; its digest is the kept file's.
    private ClaimedJob claimedMirroredFile(HeldJob job, String lease, Instant expiry) {
        String sha256 = mirrored.find(job.project(), job.filename()).map(KeptFile::sha256).orElse(null);
        return new ClaimedJob(job.id(), job.pipelineId(), job.attempts(), lease, expiry, job.project(), null,
                job.filename(), "/upstream/files/" + job.project() + "/" + job.filename(), sha256, null, null, null,
                null, job.requestId(), job.upstream(), job.python());
    }

    /**
     * The commit whose tree a held job tests: a commit job's own, or for a wheel whose release has no sdist the
     * commit its version is tagged at; empty when the job tests an uploaded sdist's sources.
     */
    public Optional<String> sourceCommit(HeldJob job) {
        if (job.gitCommit() != null) {
            return Optional.of(job.gitCommit());
        }
        if (job.testsMirroredFile()) {
            return Optional.empty();
        }
        boolean withoutSdist = wheelhouse.sdistFile(job.project(), job.version()).isEmpty();
        return withoutSdist ? taggedSource(job).map(ReleaseTags.Tagged::commit) : Optional.empty();
    }

    private Optional<ReleaseTags.Tagged> taggedSource(HeldJob job) {
        return job.filename().endsWith(".whl") ? tags.commitOf(job.project(), job.version()) : Optional.empty();
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
        validate(tasks);
        HeldJob job = held(jobId, lease);
        Instant now = clock.instant();
        if (!jobs.finish(jobId, lease, status(tasks), now)) {
            throw lost(jobId);
        }
        attempts.ended(jobId, job.attempts(), JobAttempt.FINISHED, now);
        Map<String, Map<String, Object>> kept = rawFiles.rawDataFiles(jobId, job.attempts());
        for (int i = 0; i < tasks.size(); i++) {
            TaskReport task = tasks.get(i);
            Map<String, Object> rawData = new LinkedHashMap<>(task.rawData());
            rawData.put("files", kept.getOrDefault(task.name(), Map.of()));
            pipelines.insertTask(jobId, i, new PipelineRepository.StoredTask(task.name(), task.outcome(),
                    task.startedAt(), task.endedAt(), task.durationMs(), truncate(task.summary(), MAX_SUMMARY),
                    json.writeValueAsString(task.findings()), json.writeValueAsString(rawData)));
        }
        long durationMs = job.startedAt() == null ? 0 : Duration.between(job.startedAt(), now).toMillis();
        measurements.insert(jobId, Measurement.of(tasks, durationMs, now));
        // the listeners keep what a hosted release shows; a mirrored file has no release here
        if (job.filename() != null && !job.testsMirroredFile()) {
            events.publishEvent(new JobFinished(job.pipelineId(), jobId, job.attempts(), job.project(), job.version(),
                    job.filename(), tasks));
        }
    }

    private void giveUpExhausted(Instant now) {
        for (JobRepository.Exhausted job : jobs.exhausted(now, properties.maxAttempts())) {
            String error = "given up after " + job.attempts() + " attempts: every worker lost its lease";
            if (jobs.giveUp(job, error, now)) {
                attempts.ended(job.id(), job.attempts(), JobAttempt.LEASE_EXPIRED, now);
                pipelines.insertLog(job.id(), job.attempts(), null, error, now);
            }
        }
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

    private static String status(List<TaskReport> tasks) {
        if (tasks.stream().anyMatch(task -> task.outcome().equals("error"))) {
            return "error";
        }
        return tasks.stream().anyMatch(task -> task.outcome().equals("failed")) ? "failed" : "passed";
    }

    private static void validate(List<TaskReport> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new InvalidInputException("a result needs 'tasks': one entry per task of the job");
        }
        for (TaskReport task : tasks) {
            if (task.name() == null || task.name().isBlank() || !OUTCOMES.contains(String.valueOf(task.outcome()))
                    || task.startedAt() == null || task.endedAt() == null || task.summary() == null) {
                throw new InvalidInputException("every task needs a name, an outcome (passed, failed, error or "
                        + "skipped), startedAt, endedAt and a summary; task '" + task.name() + "' with outcome '"
                        + task.outcome() + "' lacks one");
            }
        }
        if (tasks.stream().map(TaskReport::name).distinct().count() != tasks.size()) {
            throw new InvalidInputException("a task may appear only once in a result");
        }
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
