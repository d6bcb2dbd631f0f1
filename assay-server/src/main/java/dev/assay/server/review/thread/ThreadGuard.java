package dev.assay.server.review.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;

/** The one place threads are authorised: 404 for a discussion the caller may not see, 403 naming the role. */
@Component
class ThreadGuard {

    private final DiscussionRepository discussions;
    private final Map<DiscussionKind, DiscussionAccess> access;

    ThreadGuard(DiscussionRepository discussions, List<DiscussionAccess> access) {
        this.discussions = discussions;
        this.access = access.stream().collect(Collectors.toMap(DiscussionAccess::kind, Function.identity()));
    }

    /** The discussion numbered {@code number}, or the 404 of a missing one when the caller may not read it. */
    Discussion readable(Optional<Caller> caller, long number) {
        return discussions.find(number).filter(found -> accessTo(found).mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("there is no review or change request #" + number));
    }

    /** The discussion, if the caller may comment on it. */
    Discussion commentable(Caller caller, long number) {
        Discussion discussion = readable(Optional.of(caller), number);
        if (!accessTo(discussion).mayComment(caller, discussion)) {
            throw new ForbiddenException("Commenting on #" + number + " needs a password or an API token with the "
                    + "review scope for its project; this token of user '" + caller.name() + "' has neither");
        }
        return discussion;
    }

    /** Whether the caller may comment, for pages offering the comment box only to those who may. */
    boolean mayComment(Caller caller, Discussion discussion) {
        return accessTo(discussion).mayComment(caller, discussion);
    }

    /** Refuses resolving or reopening a thread to one who may not. */
    void checkMayResolve(Caller caller, Discussion discussion, CommentThread thread) {
        DiscussionAccess rules = accessTo(discussion);
        if (!rules.mayResolve(caller, discussion, thread.authorId())) {
            throw new ForbiddenException("Resolving or reopening thread " + thread.id() + " of #" + discussion.id()
                    + " needs being " + rules.resolvers(discussion) + "; user '" + caller.name() + "' is none of these");
        }
    }

    /** Whether the caller may resolve the thread, for pages offering the button only to those who may. */
    boolean mayResolve(Optional<Caller> caller, Discussion discussion, CommentThread thread) {
        return caller.filter(present -> accessTo(discussion).mayResolve(present, discussion, thread.authorId()))
                .isPresent();
    }

    private DiscussionAccess accessTo(Discussion discussion) {
        DiscussionAccess rules = access.get(discussion.kind());
        if (rules == null) {
            throw new NotFoundException("there is no review or change request #" + discussion.id());
        }
        return rules;
    }
}
