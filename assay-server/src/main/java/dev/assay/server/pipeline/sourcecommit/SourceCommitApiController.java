package dev.assay.server.pipeline.sourcecommit;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code PUT /api/v1/projects/<name>/<version>/source} with {@code {"commit": "<40 hex digits>"}}: names the commit
 * the release was built from (owners, maintainers, administrators); {@code GET} on the same address is the source
 * match.
 */
@RestController
class SourceCommitApiController {

    /** The body of a change. */
    record SourceRequest(String commit) {
    }

    private final SourceCommitService service;
    private final CallerResolver callers;

    SourceCommitApiController(SourceCommitService service, CallerResolver callers) {
        this.service = service;
        this.callers = callers;
    }

    @PutMapping({"/api/v1/projects/{name}/{version}/source", "/api/v1/projects/{name}/{version}/source/"})
    SourceCommitService.Changed change(Authentication authentication, @PathVariable String name,
            @PathVariable String version, @RequestBody(required = false) SourceRequest request) {
        return service.change(callers.require(authentication), name, version, request == null ? null
                : request.commit());
    }
}
