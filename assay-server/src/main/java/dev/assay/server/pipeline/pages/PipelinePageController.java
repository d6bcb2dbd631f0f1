package dev.assay.server.pipeline.pages;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.pipeline.JobDetail;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.fleet.JobAttempts;
import dev.assay.server.pipeline.queue.PipelineJobs;
import dev.assay.server.pipeline.queue.PipelineService;
import dev.assay.server.pipeline.triggers.MirroredFilePipelines;
import dev.assay.server.pipeline.triggers.PipelineReruns;

/**
 * The pipeline page, its live part and its re-run button, a project's pipelines, its status badge, and the form
 * that vets a mirrored file.
 */
@Controller
class PipelinePageController {

    private final PipelineService pipelines;
    private final ProjectPipelines projectPipelines;
    private final PipelineReruns reruns;
    private final CallerResolver callers;
    private final FindingLinks findingLinks;
    private final MirroredFilePipelines mirrored;
    private final JobAttempts attempts;
    private final PipelineJobs jobs;

    PipelinePageController(PipelineService pipelines, ProjectPipelines projectPipelines, PipelineReruns reruns,
            CallerResolver callers, FindingLinks findingLinks, MirroredFilePipelines mirrored, JobAttempts attempts,
            PipelineJobs jobs) {
        this.attempts = attempts;
        this.jobs = jobs;
        this.mirrored = mirrored;
        this.findingLinks = findingLinks;
        this.pipelines = pipelines;
        this.projectPipelines = projectPipelines;
        this.reruns = reruns;
        this.callers = callers;
    }

    /** The pipeline, showing one of its jobs ({@code ?job=ID}, by default the latest) with its worker, tasks, log. */
    @GetMapping("/pipelines/{id}")
    String pipeline(@PathVariable long id, @RequestParam Optional<Long> job, Authentication auth, Model model) {
        Optional<Caller> caller = callers.caller(auth);
        PipelineView pipeline = addPipeline(caller, id, job, model);
        model.addAttribute("mayRerun", reruns.mayRerun(caller, pipeline));
        return "pipeline/pipeline";
    }

    /** The re-run button's form: a new pipeline of the same subject, then its page (303, as after any POST). */
    @PostMapping("/pipelines/{id}/rerun")
    ResponseEntity<Void> rerun(@PathVariable long id, Authentication auth) {
        PipelineView queued = reruns.rerun(callers.require(auth), id);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/pipelines/" + queued.id())).build();
    }

    /** The mirrored project page's form: a pipeline of one file upstream lists, then its page (303). */
    @PostMapping("/pipelines/mirrored")
    ResponseEntity<Void> vet(@RequestParam String project, @RequestParam String filename, Authentication auth) {
        PipelineView queued = mirrored.start(callers.require(auth), project, filename);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/pipelines/" + queued.id())).build();
    }

    @GetMapping("/project/{project}/pipelines")
    String projectPipelines(@PathVariable String project, @RequestParam(defaultValue = "1") int page,
            @RequestParam Optional<String> status, @RequestParam Optional<String> trigger, Authentication auth,
            Model model) {
        model.addAttribute("list", projectPipelines.page(callers.caller(auth), project, page, status, trigger));
        return "pipeline/project-pipelines";
    }

    /** The part of the pipeline page that changes while it runs, which the page polls with htmx. */
    @GetMapping("/pipelines/{id}/live")
    String live(@PathVariable long id, @RequestParam Optional<Long> job, Authentication auth, Model model) {
        addPipeline(callers.caller(auth), id, job, model);
        return "pipeline/pipeline :: live";
    }

    /** What the page and its live part show: the pipeline, the job chosen (if it was) or its latest, its attempts. */
    private PipelineView addPipeline(Optional<Caller> caller, long id, Optional<Long> job, Model model) {
        PipelineView pipeline = pipelines.readableView(caller, id);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("findingLinks", findingLinks.of(pipeline));
        if (!pipeline.matrix().isEmpty()) {
            JobDetail shown = jobs.job(pipeline, job);
            model.addAttribute("job", shown);
            model.addAttribute("chosenJob", job.orElse(null));
            model.addAttribute("attempts", attempts.ofJob(shown.id()));
        }
        return pipeline;
    }

    @GetMapping("/project/{project}/badge.svg")
    ResponseEntity<String> badge(@PathVariable String project, Authentication auth) {
        String status = pipelines.badgeStatus(callers.caller(auth), project).orElse("none");
        return StatusBadge.response("tests", status);
    }
}
