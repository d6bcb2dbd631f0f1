package dev.assay.server.review.releasegate;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;

/**
 * {@code GET} and {@code PUT /api/v1/projects/<name>/release-gate}: the project's release gate ({@code {"mode":
 * "checks"}}), read as the project is, changed by its owners, maintainers and administrators.
 */
@RestController
class ReleaseGateApiController {

    private final ReleaseGates gates;
    private final ProjectService projects;
    private final CallerResolver callers;

    ReleaseGateApiController(ReleaseGates gates, ProjectService projects, CallerResolver callers) {
        this.gates = gates;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/release-gate")
    Map<String, String> gate(Authentication authentication, @PathVariable String name) {
        return gates.view(projects.clientReadable(callers.caller(authentication), name));
    }

    @PutMapping("/api/v1/projects/{name}/release-gate")
    Map<String, String> change(Authentication authentication, @PathVariable String name,
            @RequestBody(required = false) Map<String, String> body) {
        if (body == null || !body.containsKey("mode")) {
            throw new InvalidInputException("Send the release gate as {\"mode\": \"checks\"}: " + GateMode.KEYS);
        }
        return gates.change(callers.require(authentication), name, body.get("mode"));
    }
}
