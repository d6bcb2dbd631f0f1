package dev.assay.server.index.contents;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/**
 * {@code /api/v1/projects/<name>/<version>/contents[/<logical path>]} and {@code /api/v1/projects/<name>/compare/
 * <from>...<to>/contents}: what the contents pages show, as JSON, readable as the release is.
 */
@RestController
class ContentsApiController {

    /** One distribution file's entries, or why it cannot be read. */
    record FileListing(String filename, String root, Optional<String> problem, List<ContentEntry> entries) {
    }

    /** Every file of a release. */
    record Listing(String project, String version, List<FileListing> files) {
    }

    /** One entry with its lines (empty unless it is text). */
    record Entry(String project, String version, String filename, ContentEntry entry, List<String> lines) {
    }

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ReleaseContents contents;
    private final ContentsDiff diff;
    private final CallerResolver callers;

    ContentsApiController(ProjectService projects, ReleaseLookup lookup, ReleaseContents contents, ContentsDiff diff,
            CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.contents = contents;
        this.diff = diff;
        this.callers = callers;
    }

    @GetMapping({"/api/v1/projects/{name}/{version}/contents", "/api/v1/projects/{name}/{version}/contents/"})
    Listing listing(Authentication authentication, @PathVariable String name, @PathVariable String version) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        Release release = lookup.release(project, version);
        return new Listing(project.name(), release.version(), contents.list(project, release).stream()
                .map(file -> new FileListing(file.file().filename(), file.root(), file.problem(), file.entries()))
                .toList());
    }

    @GetMapping("/api/v1/projects/{name}/{version}/contents/{*path}")
    Entry entry(Authentication authentication, @PathVariable String name, @PathVariable String version,
            @PathVariable String path) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        Release release = lookup.release(project, version);
        FileText text = contents.text(project, release, path.startsWith("/") ? path.substring(1) : path);
        return new Entry(project.name(), release.version(), text.file().filename(), text.entry(), text.lines());
    }

    @GetMapping("/api/v1/projects/{name}/compare/{range}/contents")
    ContentsComparison compare(Authentication authentication, @PathVariable String name, @PathVariable String range) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        ReleaseRange versions = ReleaseRange.parse(range, project.normalizedName());
        return diff.compare(project, lookup.release(project, versions.from()), lookup.release(project, versions.to()));
    }
}
