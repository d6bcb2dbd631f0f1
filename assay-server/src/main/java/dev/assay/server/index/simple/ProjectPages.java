package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.index.Project;
import dev.assay.server.index.simple.cache.Compression;
import dev.assay.server.index.simple.cache.KeptPage;
import dev.assay.server.index.simple.cache.PageStore;

/**
 * Project pages written once per project revision and format, kept with their compressed forms. A page cannot change
 * while its project's serial stands (every upload, yank, deletion and change of visibility or hold bumps it), so a
 * kept page is never stale, only unused. A restricted project's page is kept too, but marked not shared: only this
 * path, after checking the caller, serves it.
 */
@Component
class ProjectPages {

    private final SimpleIndexService index;
    private final SimpleHtml html;
    private final JsonMapper json;
    private final PageStore store;
    private final Compression compression;

    ProjectPages(SimpleIndexService index, SimpleHtml html, JsonMapper json, PageStore store,
            Compression compression) {
        this.index = index;
        this.html = html;
        this.json = json;
        this.store = store;
        this.compression = compression;
    }

    /**
     * The project's page in this format as {@code project} (just read) shows it, or as a revision committed since;
     * {@code stamp} is the change serial read before {@code project} was.
     */
    KeptPage page(FileUrls urls, Project project, SimpleFormat format, long stamp) {
        Revision revision = new Revision(project.id(), project.lastSerial());
        PageStore.Key key = new PageStore.Key(urls.contextPath(), project.normalizedName(), format.tag());
        boolean shared = !project.isRestricted();
        KeptPage kept = store.get(key);
        if (kept != null && kept.etag().equals(SimpleIndexService.etag(revision, format)) && kept.shared() == shared) {
            if (kept.stamp() < stamp) {
                kept = kept.at(stamp);
                store.put(key, kept);
            }
            return kept;
        }
        ProjectListing listing = index.listing(project.normalizedName());
        Revision written = listing.revision().orElseThrow();
        KeptPage page = KeptPage.of(compression, format.mediaType().toString(),
                SimpleIndexService.etag(written, format), SimpleController.cacheControl(!shared),
                Long.toString(written.serial()), write(listing, urls, format), stamp, shared);
        if (shared) {
            page = page.listing(digests(listing));
        }
        // a revision committed after the project was read may also have changed who reads it: served, not kept
        if (written.equals(revision)) {
            store.put(key, page);
        }
        return page;
    }

    /** The listed hosted files' digests, by file name: what {@link KeptFiles} serves files by. */
    private static Map<String, KeptPage.ListedDigests> digests(ProjectListing listing) {
        Map<String, KeptPage.ListedDigests> digests = new HashMap<>();
        for (ListedFile file : listing.files()) {
            file.sha256().ifPresent(sha256 -> digests.put(file.filename(), new KeptPage.ListedDigests(sha256,
                    file.coreMetadata().map(hashes -> hashes.get("sha256")))));
        }
        return digests;
    }

    /** A page's bytes in a format: hosted and upstream pages alike. */
    byte[] write(ProjectListing listing, FileUrls urls, SimpleFormat format) {
        return format.isJson() ? json.writeValueAsBytes(SimpleJson.projectDetail(listing, urls))
                : html.projectDetail(listing, urls).getBytes(StandardCharsets.UTF_8);
    }
}
