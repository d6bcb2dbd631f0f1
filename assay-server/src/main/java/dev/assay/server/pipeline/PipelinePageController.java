package dev.assay.server.pipeline;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.assay.server.accounts.CallerResolver;

/** The pipeline page, its live part, and the project's status badge. */
@Controller
class PipelinePageController {

    private final PipelineService pipelines;
    private final CallerResolver callers;

    PipelinePageController(PipelineService pipelines, CallerResolver callers) {
        this.pipelines = pipelines;
        this.callers = callers;
    }

    @GetMapping("/pipelines/{id}")
    String pipeline(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("detail", pipelines.detail(callers.caller(auth), id));
        return "pipeline/pipeline";
    }

    /** The part of the pipeline page that changes while it runs, which the page polls with htmx. */
    @GetMapping("/pipelines/{id}/live")
    String live(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("detail", pipelines.detail(callers.caller(auth), id));
        return "pipeline/pipeline :: live";
    }

    @GetMapping("/project/{project}/badge.svg")
    ResponseEntity<String> badge(@PathVariable String project, Authentication auth) {
        String status = pipelines.badgeStatus(callers.caller(auth), project).orElse("none");
        return StatusBadge.response("tests", status);
    }
}
