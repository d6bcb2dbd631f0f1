package dev.assay.server.review.thread;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.server.review.Discussion;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.LinePorting;
import dev.assay.server.review.thread.anchor.Side;

/** Places a discussion's threads in the view of one iteration, reading each file version once. */
final class Placements {

    private final Optional<DiscussionFiles> files;
    private final Discussion discussion;
    private final LinePorting porting = new LinePorting();
    private final Map<String, Optional<List<String>>> read = new HashMap<>();

    Placements(Optional<DiscussionFiles> files, Discussion discussion) {
        this.files = files;
        this.discussion = discussion;
    }

    /** Where the thread shows when iteration {@code viewed} is looked at. */
    Placement at(CommentThread thread, int viewed) {
        if (thread.anchor().isEmpty()) {
            return new Placement(Placement.State.GENERAL, null);
        }
        Anchor anchor = thread.anchor().get();
        if (anchor.iteration() == viewed) {
            return new Placement(Placement.State.AS_WRITTEN, anchor.line());
        }
        if (anchor.iteration() > viewed) {
            return new Placement(Placement.State.LATER, null);
        }
        if (thread.resolved()) {
            return new Placement(Placement.State.RESOLVED_EARLIER, null);
        }
        // an old-side comment is about the text before its iteration: it stays where it was written
        Optional<Integer> line = anchor.side() == Side.OLD ? Optional.empty()
                : lines(anchor.iteration(), anchor.path()).flatMap(from -> lines(viewed, anchor.path())
                        .flatMap(to -> porting.port(from, to, anchor.line())));
        return line.map(ported -> new Placement(Placement.State.PORTED, ported))
                .orElseGet(() -> new Placement(Placement.State.OUTDATED, null));
    }

    private Optional<List<String>> lines(int iteration, String path) {
        return read.computeIfAbsent(iteration + "\0" + path,
                key -> files.flatMap(source -> source.lines(discussion, iteration, path)));
    }
}
