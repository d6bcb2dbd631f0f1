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
import dev.assay.server.pipeline.PipelineDetail;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.fleet.JobAttempts;
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

    PipelinePageController(PipelineService pipelines, ProjectPipelines projectPipelines, PipelineReruns reruns,
            CallerResolver callers, FindingLinks findingLinks, MirroredFilePipelines mirrored, JobAttempts attempts) {
        this.attempts = attempts;
        this.mirrored = mirrored;
        this.findingLinks = findingLinks;
        this.pipelines = pipelines;
        this.projectPipelines = projectPipelines;
        this.reruns = reruns;
        this.callers = callers;
    }

    @GetMapping("/pipelines/{id}")
    String pipeline(@PathVariable long id, Authentication auth, Model model) {
        Optional<Caller> caller = callers.caller(auth);
        PipelineDetail detail = pipelines.detail(caller, id);
        model.addAttribute("detail", detail);
        model.addAttribute("findingLinks", findingLinks.of(detail.pipeline()));
        model.addAttribute("attempts", attempts.ofPipeline(id));
        model.addAttribute("mayRerun", reruns.mayRerun(caller, detail.pipeline()));
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
    String live(@PathVariable long id, Authentication auth, Model model) {
        PipelineDetail detail = pipelines.detail(callers.caller(auth), id);
        model.addAttribute("detail", detail);
        model.addAttribute("findingLinks", findingLinks.of(detail.pipeline()));
        model.addAttribute("attempts", attempts.ofPipeline(id));
        return "pipeline/pipeline :: live";
    }

    @GetMapping("/project/{project}/badge.svg")
    ResponseEntity<String> badge(@PathVariable String project, Authentication auth) {
        String status = pipelines.badgeStatus(callers.caller(auth), project).orElse("none");
        return StatusBadge.response("tests", status);
    }
}
