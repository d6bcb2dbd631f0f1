package dev.assay.server.index.contents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recently used archive listings, by the stored file's SHA-256 and name: a stored file never changes, so
 * its listing never goes stale; the count bound keeps memory bounded.
 */
final class ListingCache {

    /** What a scan of one archive found; {@code problem} is empty when it could be read. */
    record Listing(String root, List<ContentEntry> entries, Optional<String> problem) {
    }

    private final Map<String, Listing> listings;

    ListingCache(int capacity) {
        this.listings = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Listing> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Listing> get(String key) {
        return Optional.ofNullable(listings.get(key));
    }

    synchronized void put(String key, Listing listing) {
        listings.put(key, listing);
    }
}
