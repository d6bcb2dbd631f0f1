package dev.assay.server.review.thread;

import java.util.Optional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;

/**
 * Who may read, comment on and resolve threads of one kind of discussion; each kind of review provides one.
 * The thread service asks it and turns its answers into 404s and 403s.
 */
public interface DiscussionAccess {

    /** The kind of discussion this decides for. */
    DiscussionKind kind();

    /** Whether the caller (empty: anonymous) may see the discussion at all. */
    boolean mayRead(Optional<Caller> caller, Discussion discussion);

    /** Whether the caller, who may read it, may comment: their credentials allow reviewing its project. */
    boolean mayComment(Caller caller, Discussion discussion);

    /** Whether the caller may resolve or reopen a thread started by {@code threadAuthorId}. */
    boolean mayResolve(Caller caller, Discussion discussion, long threadAuthorId);

    /** Who may resolve, as the 403 names them, e.g. "the thread's author, the review's author, …". */
    String resolvers(Discussion discussion);
}
