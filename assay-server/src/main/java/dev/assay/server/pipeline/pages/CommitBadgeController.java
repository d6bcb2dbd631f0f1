package dev.assay.server.pipeline.pages;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.pipeline.triggers.CommitPipelines;

/** The status badge of one branch ({@code badge.svg?ref=main}): its pushes' newest finished pipeline. */
@Controller
class CommitBadgeController {

    private final CommitPipelines pipelines;
    private final CallerResolver callers;

    CommitBadgeController(CommitPipelines pipelines, CallerResolver callers) {
        this.pipelines = pipelines;
        this.callers = callers;
    }

    @GetMapping(path = "/project/{project}/badge.svg", params = "ref")
    ResponseEntity<String> badge(@PathVariable String project, @RequestParam String ref, Authentication auth) {
        String status = pipelines.badgeStatus(callers.caller(auth), project, ref).orElse("none");
        return StatusBadge.response("tests", status);
    }
}
