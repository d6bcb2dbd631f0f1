package dev.assay.server.pipeline.fleet;

import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker as last seen by a claim: who it is ({@code holder} as {@link dev.assay.server.pipeline.WorkerIdentity}
 * names it), where it runs, what it offered, when it was first and last seen, and what an administrator made of it
 * ({@code state}: {@link #ACTIVE}, {@link #DRAINING} or {@link #CANCELLED}).
 */
public record KnownWorker(long id, String holder, String kind, String name, String host, Long tokenId,
        WorkerOffer offer, Instant firstSeen, Instant lastSeen, String state) {

    public static final String ACTIVE = "active";
    public static final String DRAINING = "draining";
    public static final String CANCELLED = "cancelled";

    /** Whether a claim by {@code worker} offering {@code offer} would record nothing new but the time. */
    public boolean sameAs(WorkerIdentity worker, WorkerOffer offer) {
        return kind.equals(worker.kind()) && name.equals(worker.name()) && Objects.equals(host, worker.host())
                && Objects.equals(tokenId, worker.tokenId()) && this.offer.equals(offer);
    }

    /** Whether the queue gives this worker new jobs: not once drained or cancelled. */
    public boolean mayClaim() {
        return ACTIVE.equals(state);
    }
}
