package dev.assay.server.review.thread;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.assay.server.review.thread.anchor.Anchor;

/** A thread of a discussion: general (no anchor) or inline, with its tags and whether it is resolved. */
public record CommentThread(long id, long discussionId, Optional<Anchor> anchor, boolean resolved, long authorId,
        String authorName, Instant createdAt, Set<ThreadTag> tags) {

    public CommentThread {
        tags = Set.copyOf(tags);
    }
}
