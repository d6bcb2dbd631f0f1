package dev.assay.server.index.releasediff;

import java.util.List;
import java.util.Optional;

import dev.assay.server.index.Project;
import dev.assay.server.index.Release;
import dev.assay.server.index.contents.ContentsComparison;

/**
 * A release compared with the previous one ({@code previous} empty for a first release): {@code counts} the paths
 * added, removed and changed per distribution kind (none for a first release); {@code comparison} the files and
 * lines, when asked for; {@code discussion} the number its inline threads hang on (empty only for a release
 * uploaded before release diffs existed whose uploaders are all deleted); {@code unreadable} the files of either
 * release that cannot be read, whose distribution kinds are left out of the counts and the comparison.
 */
public record ReleaseDiff(Project project, Release release, Optional<Release> previous, List<KindCounts> counts,
        Optional<ContentsComparison> comparison, Optional<Long> discussion, List<UnreadableFile> unreadable) {
}
