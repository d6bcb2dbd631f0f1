package dev.assay.server.upstream;

import java.time.Instant;
import java.util.List;

import dev.assay.server.upstream.config.Upstream;

/**
 * A project Assay does not host, as an upstream lists it: the files it may serve (the name rules and the
 * upstream's quarantine already applied), how many the quarantine hides, when the page was fetched, and whether
 * it is a stale copy served because upstream could not be reached.
 */
public record UpstreamProject(Upstream upstream, String normalizedName, List<UpstreamFile> files, int quarantined,
        Instant fetchedAt, boolean stale) {

    public UpstreamProject {
        files = List.copyOf(files);
    }
}
