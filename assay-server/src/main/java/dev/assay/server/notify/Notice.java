package dev.assay.server.notify;

import java.util.Set;

/**
 * Something happened in a discussion that people should hear of, published as a Spring application event
 * inside the transaction that made it happen. The actor and {@code directRecipients} (the mentioned, the
 * thread's participants) start watching the discussion; every watcher of it and of its project but the actor
 * is told, once, in the inbox and by email when SMTP is configured.
 *
 * @param discussionId the review or change request (#N)
 * @param headline one line, e.g. "alice approved review #12 of tinycalc"
 * @param path where to read it on the site, e.g. {@code /reviews/12#comment-40}
 * @param excerpt the comment's text or the reason given, plain text, may be empty
 */
public record Notice(NoticeKind kind, long discussionId, long projectId, long actorId, Set<Long> directRecipients,
        String headline, String path, String excerpt) {
}
