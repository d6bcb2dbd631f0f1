package dev.assay.server.upstream.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.assay.server.upstream.UpstreamFile;

/**
 * What an upstream answered for a name, as cached: the files its page lists ({@code found}), or its 404, with the
 * validators to revalidate the page and when it was fetched (or last revalidated).
 */
record CachedPage(long upstreamId, String normalizedName, boolean found, Optional<String> etag,
        Optional<String> lastModified, Instant fetchedAt, List<UpstreamFile> files) {

    CachedPage {
        files = List.copyOf(files);
    }

    /** Upstream's 404 for a name, remembered. */
    static CachedPage missing(long upstreamId, String normalizedName, Instant fetchedAt) {
        return new CachedPage(upstreamId, normalizedName, false, Optional.empty(), Optional.empty(), fetchedAt,
                List.of());
    }

    /** Whether the page may be used without asking upstream again. */
    boolean freshAt(Instant now, Duration ttl) {
        return !fetchedAt.plus(ttl).isBefore(now) && !fetchedAt.isAfter(now.plus(ttl));
    }

    CachedPage revalidatedAt(Instant now) {
        return new CachedPage(upstreamId, normalizedName, found, etag, lastModified, now, files);
    }
}
