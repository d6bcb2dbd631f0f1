package dev.assay.server.index.simple.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The kept pages, by context path, project ({@code ""} for the project list) and format; the least recently used
 * go first once they hold more than {@link CacheSettings#maxBytes()}, so a large index keeps its busy pages only.
 */
@Component
public class PageStore {

    /** What identifies a page; the context path is part of every link in it. */
    public record Key(String contextPath, String project, String format) {
    }

    private final Map<Key, KeptPage> pages = new LinkedHashMap<>(1024, 0.75f, true);
    private final long maxBytes;
    private long bytes;

    public PageStore(CacheSettings settings) {
        this.maxBytes = settings.maxBytes().toBytes();
    }

    public synchronized KeptPage get(Key key) {
        return pages.get(key);
    }

    public synchronized void put(Key key, KeptPage page) {
        KeptPage previous = pages.put(key, page);
        bytes += page.size() - (previous == null ? 0 : previous.size());
        Iterator<KeptPage> eldest = pages.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().size();
            eldest.remove();
        }
    }
}
