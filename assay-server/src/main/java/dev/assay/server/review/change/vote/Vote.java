package dev.assay.server.review.change.vote;

import java.time.Instant;

/** One person's vote on a change request, cast on revision {@code revision}. */
public record Vote(String user, String vote, int revision, Instant votedAt) {

    /** Whether it approves. */
    public boolean approves() {
        return VoteValue.APPROVE.key().equals(vote);
    }
}
