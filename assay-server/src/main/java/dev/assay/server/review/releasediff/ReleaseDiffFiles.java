package dev.assay.server.review.releasediff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.index.Release;
import dev.assay.server.index.contents.FileText;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.index.releasediff.ReleaseDiff;
import dev.assay.server.index.releasediff.ReleaseDiffs;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.DiscussionFiles;

/**
 * The files of a release diff, as inline threads read them: it has one iteration, whose new side is the release's
 * files and whose old side is the previous release's, both by logical path ({@code sdist/...}, {@code wheel/...}).
 */
@Component
class ReleaseDiffFiles implements DiscussionFiles {

    private static final int ONLY = 1;

    private final ReleaseDiffs diffs;
    private final ReleaseContents contents;

    ReleaseDiffFiles(ReleaseDiffs diffs, ReleaseContents contents) {
        this.diffs = diffs;
        this.contents = contents;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.RELEASE_DIFF;
    }

    @Override
    public List<Integer> iterations(Discussion discussion) {
        return List.of(ONLY);
    }

    @Override
    public Optional<List<String>> lines(Discussion discussion, int iteration, String logicalPath) {
        return iteration != ONLY ? Optional.empty() : diffs.subject(discussion.id())
                .flatMap(diff -> text(diff, diff.release(), logicalPath));
    }

    @Override
    public Optional<List<String>> oldLines(Discussion discussion, int iteration, String logicalPath) {
        return iteration != ONLY ? Optional.empty() : diffs.subject(discussion.id())
                .flatMap(diff -> diff.previous().flatMap(previous -> text(diff, previous, logicalPath)));
    }

    @Override
    public boolean firstHasOldSide() {
        return true;
    }

    private Optional<List<String>> text(ReleaseDiff diff, Release release, String logicalPath) {
        return contents.find(diff.project(), release, logicalPath).filter(FileText::isText).map(FileText::lines);
    }
}
