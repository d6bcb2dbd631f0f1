package dev.assay.server.pipeline.fleet;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.pipeline.queue.PipelineJobs;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * {@code /api/v1/admin/workers}: the workers, drained, cancelled or resumed by administrators signed in with a
 * password; and {@code /api/v1/pipelines/ID/attempts} (every claim of a pipeline's jobs) and
 * {@code …/jobs/JOB/attempts} (one job's), for whoever may read the pipeline.
 */
@RestController
class WorkersApiController {

    private final WorkerAdministration administration;
    private final JobAttempts attempts;
    private final PipelineService pipelines;
    private final PipelineJobs jobs;
    private final CallerResolver callers;

    WorkersApiController(WorkerAdministration administration, JobAttempts attempts, PipelineService pipelines,
            PipelineJobs jobs, CallerResolver callers) {
        this.jobs = jobs;
        this.administration = administration;
        this.attempts = attempts;
        this.pipelines = pipelines;
        this.callers = callers;
    }

    @GetMapping("/api/v1/admin/workers")
    List<WorkerView> list(Authentication authentication) {
        return administration.list(callers.require(authentication));
    }

    @GetMapping("/api/v1/admin/workers/{id}")
    WorkerView worker(Authentication authentication, @PathVariable long id) {
        return administration.worker(callers.require(authentication), id);
    }

    @PostMapping("/api/v1/admin/workers/{id}/drain")
    WorkerView drain(Authentication authentication, @PathVariable long id) {
        return administration.drain(callers.require(authentication), id);
    }

    @PostMapping("/api/v1/admin/workers/{id}/cancel")
    WorkerView cancel(Authentication authentication, @PathVariable long id) {
        return administration.cancel(callers.require(authentication), id);
    }

    @PostMapping("/api/v1/admin/workers/{id}/resume")
    WorkerView resume(Authentication authentication, @PathVariable long id) {
        return administration.resume(callers.require(authentication), id);
    }

    @GetMapping("/api/v1/pipelines/{id}/attempts")
    List<JobAttempt> attempts(Authentication authentication, @PathVariable long id) {
        pipelines.readableView(callers.caller(authentication), id);
        return attempts.ofPipeline(id);
    }

    @GetMapping("/api/v1/pipelines/{id}/jobs/{job}/attempts")
    List<JobAttempt> jobAttempts(Authentication authentication, @PathVariable long id, @PathVariable long job) {
        return attempts.ofJob(jobs.job(callers.caller(authentication), id, Optional.of(job)).id());
    }
}
