package dev.assay.server.upstream.files;

import dev.assay.server.upstream.config.Upstream;

/**
 * Published when a distribution file (not a {@code .metadata} file) from an upstream is kept here for the first
 * time; listeners that act on it should do so after the keeping transaction commits.
 */
public record UpstreamFileKept(Upstream upstream, String normalizedProject, String filename) {
}
