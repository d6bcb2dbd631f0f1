package dev.assay.server.pipeline.sourcematch;

import java.util.List;
import java.util.Optional;

import dev.assay.server.pipeline.sourcecommit.ReleaseSource;

/**
 * A release against the commit it was built from (named for it, else its version's tag): the release's verdict (the
 * worst of its files') and each file's.
 *
 * @param tag     the tag naming the version ({@code refs/tags/v1.0}); empty for a named commit or no source
 * @param commit  the commit compared with; empty when there is none
 * @param source  which source was used, e.g. {@code tag v1.0}, {@code commit abc1234 named by the upload}
 * @param namedBy {@code upload}, {@code maintainer} or {@code tag}; empty when there is no source
 */
public record SourceMatch(String project, String version, SourceVerdict verdict, Optional<String> tag,
        Optional<String> commit, Optional<String> source, Optional<String> namedBy, List<FileSourceMatch> files) {

    /** A release with no source to compare with: no commit named, no tag. */
    static SourceMatch noSource(String project, String version) {
        return new SourceMatch(project, version, SourceVerdict.NO_SOURCE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    /** A release whose named commit the repository does not hold (yet): nothing to compare with. */
    static SourceMatch notInRepository(String project, String version, ReleaseSource source) {
        return new SourceMatch(project, version, SourceVerdict.NO_SOURCE, Optional.empty(),
                Optional.of(source.commit()), Optional.of(source.describe()), Optional.of(source.namedBy()),
                List.of());
    }
}
