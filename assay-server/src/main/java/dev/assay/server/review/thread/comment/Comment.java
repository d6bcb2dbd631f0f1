package dev.assay.server.review.thread.comment;

import java.time.Instant;

/** One comment of a thread, in Markdown; a draft is seen by its author alone until published. */
public record Comment(long id, long threadId, long authorId, String authorName, String body, boolean draft,
        Instant createdAt) {
}
