package dev.assay.server.index.releasediff;

import java.util.List;
import java.util.Optional;

import dev.assay.server.index.Project;
import dev.assay.server.index.Release;
import dev.assay.server.index.contents.ContentsComparison;

/**
 * A release compared with the previous one: {@code previous} and {@code comparison} are empty for a first release;
 * {@code discussion} is the number its inline threads hang on (empty for a release uploaded before release diffs
 * existed).
 */
public record ReleaseDiff(Project project, Release release, Optional<Release> previous,
        Optional<ContentsComparison> comparison, Optional<Long> discussion) {

    /** Added, removed and changed paths per distribution kind, in the order the kinds first appear. */
    public List<KindCounts> counts() {
        return comparison.map(DiffCounts::of).orElse(List.of());
    }
}
