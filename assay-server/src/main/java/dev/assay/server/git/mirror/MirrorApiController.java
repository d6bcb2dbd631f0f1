package dev.assay.server.git.mirror;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code /api/v1/projects/<project>/mirrors}: owners, maintainers and administrators list the push
 * mirrors with their last result; owners and administrators add ({@code POST}), change ({@code PUT})
 * and remove ({@code DELETE}) them.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/mirrors")
class MirrorApiController {

    /** The body of an addition or a change: the mirror's URL. */
    record MirrorRequest(String url) {
    }

    private final MirrorService mirrors;
    private final CallerResolver callers;

    MirrorApiController(MirrorService mirrors, CallerResolver callers) {
        this.mirrors = mirrors;
        this.callers = callers;
    }

    @GetMapping
    List<MirrorView> list(Authentication authentication, @PathVariable String project) {
        return mirrors.list(callers.require(authentication), project);
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<MirrorView> add(Authentication authentication, @PathVariable String project,
            @RequestBody(required = false) MirrorRequest request) {
        MirrorView added = mirrors.add(callers.require(authentication), project, request == null ? null : request.url());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/mirrors/" + added.id())).body(added);
    }

    @PutMapping("/{id}")
    MirrorView change(Authentication authentication, @PathVariable String project, @PathVariable long id,
            @RequestBody(required = false) MirrorRequest request) {
        return mirrors.change(callers.require(authentication), project, id, request == null ? null : request.url());
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> remove(Authentication authentication, @PathVariable String project, @PathVariable long id) {
        mirrors.remove(callers.require(authentication), project, id);
        return ResponseEntity.noContent().build();
    }
}
