package dev.assay.server.pipeline.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.triggers.CommitPipelines;

/**
 * The REST API of a project's pipelines: all of them a page at a time, or its commits' by commit or ref; a commit
 * re-run by owners and maintainers.
 */
@RestController
class CommitPipelineApiController {

    /** {@code POST …/pipelines}: the commit to test, and optionally the ref to record it under. */
    record CommitRunRequest(String commit, String ref) {
    }

    private final CommitPipelines pipelines;
    private final ProjectPipelines projectPipelines;
    private final CallerResolver callers;

    CommitPipelineApiController(CommitPipelines pipelines, ProjectPipelines projectPipelines, CallerResolver callers) {
        this.pipelines = pipelines;
        this.projectPipelines = projectPipelines;
        this.callers = callers;
    }

    /** By commit or ref when either is given; otherwise every pipeline of the project, a page at a time. */
    @GetMapping("/api/v1/projects/{project}/pipelines")
    List<PipelineView> list(@PathVariable String project, @RequestParam Optional<String> commit,
            @RequestParam Optional<String> ref, @RequestParam(defaultValue = "1") int page,
            @RequestParam Optional<String> status, @RequestParam Optional<String> trigger, Authentication auth) {
        if (commit.isEmpty() && ref.isEmpty()) {
            return projectPipelines.list(callers.caller(auth), project, page, status, trigger);
        }
        return pipelines.list(callers.caller(auth), project, commit, ref);
    }

    @PostMapping("/api/v1/projects/{project}/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    PipelineView rerun(@PathVariable String project, @RequestBody(required = false) CommitRunRequest request,
            Authentication auth) {
        Caller caller = callers.require(auth);
        if (request == null || request.commit() == null || request.commit().isBlank()) {
            throw new InvalidInputException("send the commit to test: {\"commit\": \"<id>\"}");
        }
        return pipelines.rerun(caller, project, request.commit(),
                Optional.ofNullable(request.ref()).filter(ref -> !ref.isBlank()));
    }
}
