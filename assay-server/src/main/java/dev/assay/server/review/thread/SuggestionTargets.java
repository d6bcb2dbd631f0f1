package dev.assay.server.review.thread;

import java.util.Optional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;

/**
 * Where the suggested changes of a kind of discussion are applied: the kind that can apply them (change requests)
 * provides one, and threads whose line is still there show an "Apply suggestion" form posting to its address.
 */
public interface SuggestionTargets {

    /** The kind of discussion whose suggestions these are. */
    DiscussionKind kind();

    /** The address the viewer posts to apply the thread's suggestion, or empty when they may not (now). */
    Optional<String> applyPath(Optional<Caller> caller, Discussion discussion, CommentThread thread);
}
