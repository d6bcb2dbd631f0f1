package dev.assay.server.index.json;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/**
 * {@code GET /pypi/<project>/json} and {@code GET /pypi/<project>/<version>/json}: read-only, readable as the
 * project is (an anonymous request for a private one is asked for credentials).
 */
@RestController
class PypiJsonController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final PypiJsonService json;
    private final CallerResolver callers;

    PypiJsonController(ProjectService projects, ReleaseLookup lookup, PypiJsonService json, CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.json = json;
        this.callers = callers;
    }

    @GetMapping(path = {"/pypi/{name}/json", "/pypi/{name}/json/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectJson> project(Authentication authentication, @PathVariable String name) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        if (!project.normalizedName().equals(name)) {
            return redirect("/pypi/" + project.normalizedName() + "/json");
        }
        return ok(project, json.project(project, baseUrl()));
    }

    @GetMapping(path = {"/pypi/{name}/{version}/json", "/pypi/{name}/{version}/json/"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectJson> release(Authentication authentication, @PathVariable String name,
            @PathVariable String version) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        Release release = lookup.release(project, version);
        if (!project.normalizedName().equals(name)) {
            return redirect("/pypi/" + project.normalizedName() + "/" + release.version() + "/json");
        }
        return ok(project, json.release(project, release, baseUrl()));
    }

    private static ResponseEntity<ProjectJson> ok(Project project, ProjectJson body) {
        if (project.isRestricted()) {
            // no cross-origin reading and no shared caching of what only members may see
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .header("X-PyPI-Last-Serial", String.valueOf(project.lastSerial())).body(body);
        }
        // anyone's browser code may read the API, as on pypi.org
        return ResponseEntity.ok().header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET")
                .header("Access-Control-Expose-Headers", "X-PyPI-Last-Serial")
                .header("X-PyPI-Last-Serial", String.valueOf(project.lastSerial()))
                .body(body);
    }

    private static ResponseEntity<ProjectJson> redirect(String path) {
        URI target = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUri();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, target.toString())
                .header("Access-Control-Allow-Origin", "*").build();
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString();
    }
}
