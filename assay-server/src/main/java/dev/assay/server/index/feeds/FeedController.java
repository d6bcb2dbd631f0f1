package dev.assay.server.index.feeds;

import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.pages.ProjectDirectory;

/**
 * {@code /rss/updates.xml} (the newest releases of the index) and {@code /rss/project/NAME/releases.xml} (a
 * project's releases, newest version first), as PyPI offers them; only what the caller may read, so a feed reader,
 * which signs in as nobody, sees the public projects.
 */
@RestController
class FeedController {

    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final int ITEMS = 40;

    private final ProjectDirectory directory;
    private final ProjectService projects;
    private final CallerResolver callers;

    FeedController(ProjectDirectory directory, ProjectService projects, CallerResolver callers) {
        this.directory = directory;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping("/rss/updates.xml")
    ResponseEntity<byte[]> updates(Authentication authentication) {
        String site = site();
        List<FeedItem> items = directory.recentReleases(callers.caller(authentication), ITEMS).stream()
                .map(release -> new FeedItem(release.projectName() + " " + release.version(),
                        site + "project/" + release.normalizedName() + "/" + release.version() + "/",
                        release.summary(), release.createdAt()))
                .toList();
        return rss(RssWriter.channel("Assay: newest releases", site, "The newest releases of this index.", items));
    }

    @GetMapping("/rss/project/{name}/releases.xml")
    ResponseEntity<byte[]> releases(Authentication authentication, @PathVariable String name) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.clientReadable(caller, name);
        String site = site();
        String page = site + "project/" + project.normalizedName() + "/";
        List<FeedItem> items = projects.releasesNewestFirst(project).stream().limit(ITEMS)
                .map(release -> new FeedItem(project.name() + " " + release.version(),
                        page + release.version() + "/", release.summary(), release.createdAt()))
                .toList();
        return rss(RssWriter.channel(project.name() + " releases", page,
                "The releases of " + project.name() + ", newest first.", items));
    }

    /** The feed document as the answer, with the RSS media type. */
    static ResponseEntity<byte[]> rss(byte[] document) {
        return ResponseEntity.ok().contentType(RSS).body(document);
    }

    private static String site() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString();
    }
}
