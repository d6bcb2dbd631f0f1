package dev.assay.server.upstream.files;

import java.time.Instant;

/**
 * A file fetched from upstream, checked and kept: its project and name, SHA-256, size, the upstream's root and the
 * file's URL there (both without credentials), and when it was kept.
 */
public record KeptFile(String normalizedProject, String filename, String sha256, long size, String upstreamUrl,
        String sourceUrl, Instant keptAt) {
}
