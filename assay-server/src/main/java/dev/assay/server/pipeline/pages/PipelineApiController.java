package dev.assay.server.pipeline.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.pipeline.JobDetail;
import dev.assay.server.pipeline.PipelineDetail;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.queue.PipelineJobs;
import dev.assay.server.pipeline.queue.PipelineService;

/** The pipelines REST API: results are read by whoever may read the project; re-running needs the maintainer role. */
@RestController
class PipelineApiController {

    /** {@code POST …/pipelines}: one file, or every file of the release when {@code filename} is absent. */
    record RerunRequest(String filename) {
    }

    private final PipelineService pipelines;
    private final PipelineJobs jobs;
    private final CallerResolver callers;

    PipelineApiController(PipelineService pipelines, PipelineJobs jobs, CallerResolver callers) {
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{project}/releases/{version}/pipelines")
    List<PipelineView> list(@PathVariable String project, @PathVariable String version, Authentication auth) {
        return pipelines.forRelease(callers.caller(auth), project, version);
    }

    @GetMapping("/api/v1/pipelines/{id}")
    PipelineDetail get(@PathVariable long id, Authentication auth) {
        return pipelines.detail(callers.caller(auth), id);
    }

    /** One job of the pipeline (its run on one Python version) with its own worker, tasks and log. */
    @GetMapping("/api/v1/pipelines/{id}/jobs/{job}")
    JobDetail job(@PathVariable long id, @PathVariable long job, Authentication auth) {
        return jobs.job(callers.caller(auth), id, Optional.of(job));
    }

    @PostMapping("/api/v1/projects/{project}/releases/{version}/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    List<PipelineView> rerun(@PathVariable String project, @PathVariable String version,
            @RequestBody(required = false) RerunRequest request, Authentication auth) {
        Optional<String> filename = Optional.ofNullable(request).map(RerunRequest::filename)
                .filter(name -> !name.isBlank());
        return pipelines.rerun(callers.require(auth), project, version, filename);
    }
}
