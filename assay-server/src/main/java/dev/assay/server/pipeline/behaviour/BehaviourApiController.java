package dev.assay.server.pipeline.behaviour;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseLookup;

/**
 * {@code GET /api/v1/projects/<name>/<version>/behaviour}: the release's profile, its diff against the previous
 * release and what the policy decided, readable as the release is; {@code GET} and {@code PUT
 * /api/v1/projects/<name>/behaviour-policy}: the action per kind, changed by those who manage the releases.
 */
@RestController
class BehaviourApiController {

    private final BehaviourProfiles profiles;
    private final BehaviourPolicies policies;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final CallerResolver callers;

    BehaviourApiController(BehaviourProfiles profiles, BehaviourPolicies policies, ProjectService projects,
            ReleaseLookup lookup, CallerResolver callers) {
        this.profiles = profiles;
        this.policies = policies;
        this.projects = projects;
        this.lookup = lookup;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/{version}/behaviour")
    ReleaseBehaviour behaviour(Authentication authentication, @PathVariable String name, @PathVariable String version) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        return profiles.of(project, lookup.release(project, version));
    }

    @GetMapping("/api/v1/projects/{name}/behaviour-policy")
    Map<String, String> policy(Authentication authentication, @PathVariable String name) {
        return policies.keys(projects.clientReadable(callers.caller(authentication), name));
    }

    @PutMapping("/api/v1/projects/{name}/behaviour-policy")
    Map<String, String> changePolicy(Authentication authentication, @PathVariable String name,
            @RequestBody(required = false) Map<String, String> changes) {
        return policies.change(callers.require(authentication), name, changes);
    }
}
