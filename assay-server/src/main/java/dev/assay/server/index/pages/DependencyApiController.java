package dev.assay.server.index.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseRepository;

/**
 * {@code /api/v1/projects/<name>/dependencies} and {@code …/dependents}: the dependency graph, readable as the
 * projects in it are.
 */
@RestController
class DependencyApiController {

    /** What a release requires. */
    record Dependencies(String project, String version, List<DependencyView> dependencies) {
    }

    /** Which releases in this index require a project. */
    record Dependents(String project, List<ReleaseRepository.Dependent> dependents) {
    }

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final DependencyService dependencies;
    private final CallerResolver callers;

    DependencyApiController(ProjectService projects, ReleaseLookup lookup, DependencyService dependencies,
            CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.dependencies = dependencies;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/dependencies")
    Dependencies dependencies(Authentication authentication, @PathVariable String name,
            @RequestParam(required = false) String version) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.clientReadable(caller, name);
        Release release = version == null || version.isBlank()
                ? lookup.latest(project).orElseThrow(() -> new NotFoundException(
                        "project '" + project.name() + "' has no releases yet"))
                : lookup.release(project, version.strip());
        return new Dependencies(project.name(), release.version(),
                dependencies.dependencies(projects.reader(caller), release));
    }

    @GetMapping("/api/v1/projects/{name}/dependents")
    Dependents dependents(Authentication authentication, @PathVariable String name) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.clientReadable(caller, name);
        return new Dependents(project.name(), dependencies.dependents(projects.reader(caller), project));
    }
}
