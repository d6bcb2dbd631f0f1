package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Project pages written once per project, format and serial. A page cannot change while its project's
 * serial stands (every upload, yank and deletion bumps it), so a kept page is never stale, only unused;
 * the least recently used go first once the pages hold more than {@link #MAX_BYTES}. Correct with
 * several servers too: each keys on the serial it reads from the shared database.
 */
@Component
class ProjectPages {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** A written page and the serial it shows. */
    record Page(long serial, byte[] body) {
    }

    /** What identifies a page's bytes; the context path is part of every link in it. */
    private record Key(String contextPath, String project, SimpleFormat format, long serial) {
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

    /** The project's page in this format at {@code serial}, or at a newer serial if one was committed since. */
    Page page(FileUrls urls, String project, SimpleFormat format, long serial) {
        byte[] kept = kept(new Key(urls.contextPath(), project, format, serial));
        if (kept != null) {
            return new Page(serial, kept);
        }
        ProjectListing listing = index.listing(project);
        byte[] body = format.isJson() ? json.writeValueAsBytes(SimpleJson.projectDetail(listing, urls))
                : html.projectDetail(listing, urls).getBytes(StandardCharsets.UTF_8);
        keep(new Key(urls.contextPath(), project, format, listing.lastSerial()), body);
        return new Page(listing.lastSerial(), body);
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
