package dev.assay.server.pipeline.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.JobFinished;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.fleet.JobAttempt;
import dev.assay.server.pipeline.fleet.JobAttempts;
import dev.assay.server.pipeline.health.Measurement;
import dev.assay.server.pipeline.health.MeasurementRepository;
import dev.assay.server.pipeline.queue.JobRepository.HeldJob;
import dev.assay.server.pipeline.rawdata.RawFiles;
import tools.jackson.databind.json.JsonMapper;

/** Records a job's result: its status, each task's report with the raw data kept for it, and its measurements. */
@Component
class JobResults {

    private static final Set<String> OUTCOMES = Set.of("passed", "failed", "error", "skipped");
    private static final int MAX_SUMMARY = 2000;

    private final JobRepository jobs;
    private final PipelineRepository pipelines;
    private final JobAttempts attempts;
    private final RawFiles rawFiles;
    private final MeasurementRepository measurements;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    JobResults(JobRepository jobs, PipelineRepository pipelines, JobAttempts attempts, RawFiles rawFiles,
            MeasurementRepository measurements, ApplicationEventPublisher events, JsonMapper json) {
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.attempts = attempts;
        this.rawFiles = rawFiles;
        this.measurements = measurements;
        this.events = events;
        this.json = json;
    }

    /**
     * Records the result of {@code job}, held under {@code lease}, at {@code now}; false when the lease was lost
     * meanwhile. Each task's raw-data {@code files} become the files this attempt attached for it: what the worker
     * listed is ignored.
     */
    boolean record(HeldJob job, String lease, List<TaskReport> tasks, Instant now) {
        long jobId = job.id();
        if (!jobs.finish(jobId, lease, status(tasks), now)) {
            return false;
        }
        attempts.ended(jobId, job.attempts(), JobAttempt.FINISHED, now);
        Map<String, Map<String, Object>> kept = rawFiles.rawDataFiles(jobId, job.attempts());
        for (int i = 0; i < tasks.size(); i++) {
            TaskReport task = tasks.get(i);
            Map<String, Object> rawData = new LinkedHashMap<>(task.rawData());
            rawData.put("files", kept.getOrDefault(task.name(), Map.of()));
            pipelines.insertTask(jobId, i, new PipelineRepository.StoredTask(task.name(), task.outcome(),
                    task.startedAt(), task.endedAt(), task.durationMs(), truncate(task.summary()),
                    json.writeValueAsString(task.findings()), json.writeValueAsString(rawData)));
        }
        long durationMs = job.startedAt() == null ? 0 : Duration.between(job.startedAt(), now).toMillis();
        measurements.insert(jobId, Measurement.of(tasks, durationMs, now));
        // the listeners keep what a hosted release shows; a mirrored file has no release here
        if (job.filename() != null && !job.testsMirroredFile()) {
            events.publishEvent(new JobFinished(job.pipelineId(), jobId, job.attempts(), job.project(), job.version(),
                    job.filename(), tasks));
        }
        return true;
    }

    private static String status(List<TaskReport> tasks) {
        if (tasks.stream().anyMatch(task -> task.outcome().equals("error"))) {
            return "error";
        }
        return tasks.stream().anyMatch(task -> task.outcome().equals("failed")) ? "failed" : "passed";
    }

    /** Refuses a result that lacks a task, or whose task lacks a name, a known outcome, its times or a summary. */
    static void validate(List<TaskReport> tasks) {
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

    private static String truncate(String summary) {
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY);
    }
}
