package dev.assay.server.index.settings;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code GET} and {@code PUT /api/v1/projects/<project>/visibility}: anyone who may read the project sees its
 * visibility; owners and administrators change it with {@code {"visibility": "public" | "private"}}.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/visibility")
class VisibilityApiController {

    /** The body of a change. */
    record VisibilityRequest(String visibility) {
    }

    private final VisibilitySettings settings;
    private final CallerResolver callers;

    VisibilityApiController(VisibilitySettings settings, CallerResolver callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GetMapping
    ProjectVisibilityView show(Authentication authentication, @PathVariable String project) {
        return ProjectVisibilityView.of(settings.show(callers.caller(authentication), project));
    }

    @PutMapping
    ProjectVisibilityView change(Authentication authentication, @PathVariable String project,
            @RequestBody(required = false) VisibilityRequest request) {
        return ProjectVisibilityView.of(settings.change(callers.require(authentication), project,
                request == null ? null : request.visibility()));
    }
}
