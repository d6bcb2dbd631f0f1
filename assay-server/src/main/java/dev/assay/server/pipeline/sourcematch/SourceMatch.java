package dev.assay.server.pipeline.sourcematch;

import java.util.List;
import java.util.Optional;

/**
 * A release against the commit its version is tagged at: the release's verdict (the worst of its files') and each
 * file's.
 *
 * @param tag    the tag naming the version ({@code refs/tags/v1.0}); empty for {@link SourceVerdict#NO_SOURCE}
 * @param commit the commit the tag names; empty for {@link SourceVerdict#NO_SOURCE}
 */
public record SourceMatch(String project, String version, SourceVerdict verdict, Optional<String> tag,
        Optional<String> commit, List<FileSourceMatch> files) {

    /** A release whose version no tag names. */
    static SourceMatch noSource(String project, String version) {
        return new SourceMatch(project, version, SourceVerdict.NO_SOURCE, Optional.empty(), Optional.empty(),
                List.of());
    }
}
