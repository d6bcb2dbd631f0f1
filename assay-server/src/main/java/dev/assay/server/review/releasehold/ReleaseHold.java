package dev.assay.server.review.releasehold;

import java.time.Instant;

/**
 * One hold of a release: what held it and why, since when, and, once released, when, by whom ({@code null}:
 * automatically, or by a user since deleted when {@code decision} names one) and how.
 */
public record ReleaseHold(long id, long releaseId, HoldKind kind, String reason, Instant heldAt, Instant releasedAt,
        String releasedBy, String decision) {

    /** Whether the hold still holds its release. */
    public boolean active() {
        return releasedAt == null;
    }
}
