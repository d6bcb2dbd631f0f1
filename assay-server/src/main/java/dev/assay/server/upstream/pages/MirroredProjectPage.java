package dev.assay.server.upstream.pages;

import java.time.Instant;
import java.util.List;

import dev.assay.server.upstream.UpstreamFile;

/**
 * What the page of a mirrored project shows: the upstream it comes from (URL without credentials), its releases
 * newest first with their files, how many files the quarantine holds back, and how fresh the copy is.
 */
public record MirroredProjectPage(String name, String upstreamUrl, List<Release> releases, int quarantined,
        Instant fetchedAt, boolean stale) {

    public MirroredProjectPage {
        releases = List.copyOf(releases);
    }

    /** One version's files as upstream lists them. */
    public record Release(String version, List<UpstreamFile> files) {

        public Release {
            files = List.copyOf(files);
        }

        /** Whether upstream yanked every file of the release (PEP 592: a yanked release). */
        public boolean yanked() {
            return !files.isEmpty() && files.stream().allMatch(UpstreamFile::yanked);
        }
    }

    /** {@code pip install} of the project through this index. */
    public String pipInstall(String indexUrl) {
        return "pip install --index-url " + indexUrl + " " + name;
    }
}
