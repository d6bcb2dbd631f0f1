package dev.assay.server.pipeline.pages;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.triggers.MirroredFilePipelines;

/** Pipelines of mirrored files: started by administrators, read by everyone, as a public project's are. */
@RestController
class MirroredFilePipelineApiController {

    /** {@code POST /api/v1/admin/upstream-pipelines}: a file upstream lists for a name this index does not host. */
    record StartRequest(String project, String filename) {
    }

    /** The queued pipeline: its id, its page and its API address, and the pipeline as the API shows it. */
    record Started(long id, String url, String api, PipelineView pipeline) {
    }

    private final MirroredFilePipelines pipelines;
    private final CallerResolver callers;

    MirroredFilePipelineApiController(MirroredFilePipelines pipelines, CallerResolver callers) {
        this.pipelines = pipelines;
        this.callers = callers;
    }

    @PostMapping("/api/v1/admin/upstream-pipelines")
    ResponseEntity<Started> start(@RequestBody(required = false) StartRequest request, Authentication auth) {
        Caller caller = callers.require(auth);
        if (request == null) {
            throw new InvalidInputException("a JSON body {\"project\": NAME, \"filename\": FILE} is required");
        }
        PipelineView queued = pipelines.start(caller, request.project(), request.filename());
        String page = "/pipelines/" + queued.id();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(page))
                .body(new Started(queued.id(), page, "/api/v1/pipelines/" + queued.id(), queued));
    }

    @GetMapping("/api/v1/upstream-projects/{project}/pipelines")
    List<PipelineView> list(@PathVariable String project) {
        return pipelines.forProject(project);
    }
}
