package dev.assay.server.review;

import java.time.Instant;

/** A package review or change request as comments and notifications see it; its id is its number (#N). */
public record Discussion(long id, DiscussionKind kind, long projectId, String title, long authorId,
        Instant createdAt) {

    /** The site path of its page, e.g. {@code /reviews/12}. */
    public String path() {
        return kind.path(id);
    }
}
