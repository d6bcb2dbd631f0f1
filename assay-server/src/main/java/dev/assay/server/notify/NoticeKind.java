package dev.assay.server.notify;

import java.util.Locale;

/** Why someone is told about a discussion. */
public enum NoticeKind {
    /** Named with {@code @name} in a comment or description. */
    MENTION,
    /** A reply in a thread the person took part in, or a new comment in a discussion they watch. */
    COMMENT,
    /** The discussion's state changed (taken, approved, needs work, rejected, merged, closed). */
    STATE_CHANGE,
    /** A new iteration (package review) or revision (change request). */
    NEW_ITERATION,
    /** A vote was cast. */
    VOTE;

    /** The kind's name as stored and sent. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
