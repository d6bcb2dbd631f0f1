package dev.assay.server.index.json;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/** {@code GET /pypi/<project>/json} and {@code GET /pypi/<project>/<version>/json}: public, read-only. */
@RestController
class PypiJsonController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final PypiJsonService json;

    PypiJsonController(ProjectService projects, ReleaseLookup lookup, PypiJsonService json) {
        this.projects = projects;
        this.lookup = lookup;
        this.json = json;
    }

    @GetMapping(path = {"/pypi/{name}/json", "/pypi/{name}/json/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectJson> project(@PathVariable String name) {
        Project project = projects.project(name);
        if (!project.normalizedName().equals(name)) {
            return redirect("/pypi/" + project.normalizedName() + "/json");
        }
        return ok(project, json.project(project, baseUrl()));
    }

    @GetMapping(path = {"/pypi/{name}/{version}/json", "/pypi/{name}/{version}/json/"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProjectJson> release(@PathVariable String name, @PathVariable String version) {
        Project project = projects.project(name);
        Release release = lookup.release(project, version);
        if (!project.normalizedName().equals(name)) {
            return redirect("/pypi/" + project.normalizedName() + "/" + release.version() + "/json");
        }
        return ok(project, json.release(project, release, baseUrl()));
    }

    private static ResponseEntity<ProjectJson> ok(Project project, ProjectJson body) {
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
