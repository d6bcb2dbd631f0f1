package dev.assay.server.upstream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.assay.server.upstream.config.Upstream;

/**
 * A project Assay does not host, as an upstream lists it: the files it may serve (the name rules and the
 * upstream's quarantine already applied), the files the quarantine hides, when the page was fetched, and
 * whether it is a stale copy served because upstream could not be reached.
 */
public record UpstreamProject(Upstream upstream, String normalizedName, List<UpstreamFile> files,
        List<QuarantinedFile> hidden, Instant fetchedAt, boolean stale) {

    public UpstreamProject {
        files = List.copyOf(files);
        hidden = List.copyOf(hidden);
    }

    /** How many files the quarantine hides. */
    public int quarantined() {
        return hidden.size();
    }

    /** The file of that name the quarantine hides, if it hides one. */
    public Optional<QuarantinedFile> quarantined(String filename) {
        return hidden.stream().filter(file -> file.filename().equals(filename)).findFirst();
    }
}
