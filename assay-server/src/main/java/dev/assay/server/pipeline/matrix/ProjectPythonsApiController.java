package dev.assay.server.pipeline.matrix;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code GET} and {@code PUT /api/v1/projects/<project>/pythons}: the Python versions the project's pipelines test;
 * owners, maintainers and administrators change them with {@code {"pythons": ["3.11", "3.12"]}}.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/pythons")
class ProjectPythonsApiController {

    /** The body of a change: the versions, or none to test what the online workers offer. */
    record PythonsRequest(List<String> pythons) {
    }

    private final ProjectPythons pythons;
    private final CallerResolver callers;

    ProjectPythonsApiController(ProjectPythons pythons, CallerResolver callers) {
        this.pythons = pythons;
        this.callers = callers;
    }

    @GetMapping
    ProjectPythons.Choice show(Authentication authentication, @PathVariable String project) {
        return pythons.show(callers.caller(authentication), project);
    }

    @PutMapping
    ProjectPythons.Choice change(Authentication authentication, @PathVariable String project,
            @RequestBody(required = false) PythonsRequest request) {
        return pythons.change(callers.require(authentication), project, request == null ? null : request.pythons());
    }
}
