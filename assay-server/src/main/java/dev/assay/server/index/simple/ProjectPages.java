package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Project pages written once per project revision and format. A page cannot change while its project's
 * serial stands (every upload, yank and deletion bumps it), so a kept page is never stale, only unused;
 * the least recently used go first once the pages hold more than {@link #MAX_BYTES}. Correct with
 * several servers too: each keys on the serial it reads from the shared database.
 */
@Component
class ProjectPages {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** A written page and the revision it shows. */
    record Page(Revision revision, byte[] body) {
    }

    /** What identifies a page's bytes; the context path is part of every link in it. */
    private record Key(String contextPath, SimpleFormat format, Revision revision) {
    }

    private final SimpleIndexService index;
    private final SimpleHtml html;
    private final JsonMapper json;
    private final Map<Key, byte[]> written = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ProjectPages(SimpleIndexService index, SimpleHtml html, JsonMapper json) {
        this.index = index;
        this.html = html;
        this.json = json;
    }

    /** The project's page in this format at {@code revision}, or at a newer one if it was committed since. */
    Page page(FileUrls urls, String project, SimpleFormat format, Revision revision) {
        byte[] kept = kept(new Key(urls.contextPath(), format, revision));
        if (kept != null) {
            return new Page(revision, kept);
        }
        ProjectListing listing = index.listing(project);
        Revision written = listing.revision().orElseThrow();
        byte[] body = write(listing, urls, format);
        keep(new Key(urls.contextPath(), format, written), body);
        return new Page(written, body);
    }

    /** A page's bytes in a format: hosted and upstream pages alike. */
    byte[] write(ProjectListing listing, FileUrls urls, SimpleFormat format) {
        return format.isJson() ? json.writeValueAsBytes(SimpleJson.projectDetail(listing, urls))
                : html.projectDetail(listing, urls).getBytes(StandardCharsets.UTF_8);
    }

    private synchronized byte[] kept(Key key) {
        return written.get(key);
    }

    private synchronized void keep(Key key, byte[] page) {
        byte[] previous = written.put(key, page);
        bytes += page.length - (previous == null ? 0 : previous.length);
        Iterator<byte[]> eldest = written.values().iterator();
        while (bytes > MAX_BYTES && eldest.hasNext()) {
            bytes -= eldest.next().length;
            eldest.remove();
        }
    }
}
