package dev.assay.server.pipeline.sourcematch;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseLookup;

/** {@code GET /api/v1/projects/<name>/<version>/source}: the release against its tagged commit, readable as it is. */
@RestController
class GetSourceMatch {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final SourceMatches matches;
    private final CallerResolver callers;

    GetSourceMatch(ProjectService projects, ReleaseLookup lookup, SourceMatches matches, CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.matches = matches;
        this.callers = callers;
    }

    @GetMapping({"/api/v1/projects/{name}/{version}/source", "/api/v1/projects/{name}/{version}/source/"})
    SourceMatch source(Authentication authentication, @PathVariable String name, @PathVariable String version) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        return matches.of(project, lookup.release(project, version));
    }
}
