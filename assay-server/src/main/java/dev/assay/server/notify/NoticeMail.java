package dev.assay.server.notify;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.User;

/**
 * Which notifications are also mailed: mentions, state changes and new iterations always; comments and votes
 * only to people taking part in the discussion (its watchers), not to those who watch the whole project.
 */
@Component
class NoticeMail {

    private final Outbox outbox;

    NoticeMail(Outbox outbox) {
        this.outbox = outbox;
    }

    boolean isMailed(NoticeKind kind, boolean takesPart) {
        return switch (kind) {
            case MENTION, STATE_CHANGE, NEW_ITERATION -> true;
            case COMMENT, VOTE -> takesPart;
        };
    }

    void enqueue(User user, String headline, String excerpt, String path) {
        outbox.send(user.email(), headline, excerpt, path);
    }
}
