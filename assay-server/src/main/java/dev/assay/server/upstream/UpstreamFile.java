package dev.assay.server.upstream;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A distribution file as an upstream lists it: its absolute URL there, the hashes upstream gave (hash name to
 * lower-case hex), and what PEP 592, 658, 700 and 714 let a page say about it; {@code coreMetadata} is present
 * when upstream offers the file's {@code .metadata}, with that file's hashes (possibly none).
 */
public record UpstreamFile(String filename, URI url, Map<String, String> hashes, Optional<String> requiresPython,
        boolean yanked, Optional<String> yankedReason, Optional<Instant> uploadTime, Optional<Long> size,
        Optional<Map<String, String>> coreMetadata) {

    public UpstreamFile {
        hashes = Map.copyOf(hashes);
        coreMetadata = coreMetadata.map(Map::copyOf);
    }

    /** The SHA-256 upstream gave, if it gave one. */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }
}
