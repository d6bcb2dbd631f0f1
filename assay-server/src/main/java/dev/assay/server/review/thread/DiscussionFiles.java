package dev.assay.server.review.thread;

import java.util.List;
import java.util.Optional;

import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;

/**
 * The files a kind of discussion is about, per iteration, as inline threads read them to check anchors and to
 * follow lines to later iterations. Each kind of review provides one.
 */
public interface DiscussionFiles {

    /** The kind of discussion whose files these are. */
    DiscussionKind kind();

    /** The discussion's iteration numbers, oldest first (1, 2, …); empty while it has none. */
    List<Integer> iterations(Discussion discussion);

    /** The text lines of the file at this logical path in this iteration; empty when it has no such text file. */
    Optional<List<String>> lines(Discussion discussion, int iteration, String logicalPath);

    /**
     * The text lines an old-side comment of this iteration is on: by default the previous iteration's file (none
     * for the first); a kind whose diffs start elsewhere (a change request's merge base) says so.
     */
    default Optional<List<String>> oldLines(Discussion discussion, int iteration, String logicalPath) {
        return iteration > 1 ? lines(discussion, iteration - 1, logicalPath) : Optional.empty();
    }

    /** Whether the first iteration has an old side to comment on (by default not: nothing came before it). */
    default boolean firstHasOldSide() {
        return false;
    }
}
