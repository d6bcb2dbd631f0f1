package dev.assay.server.pipeline.fleet;

import dev.assay.server.pipeline.WorkerOffer;
import java.time.Instant;

/**
 * A worker as last seen by a claim: who it is ({@code holder} as {@link dev.assay.server.pipeline.WorkerIdentity}
 * names it), where it runs, what it offered, and when it was first and last seen.
 */
public record KnownWorker(long id, String holder, String kind, String name, String host, Long tokenId,
        WorkerOffer offer, Instant firstSeen, Instant lastSeen) {
}
