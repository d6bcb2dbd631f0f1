package dev.assay.server.review.change;

import java.time.Instant;

/** One entry of a change request's timeline: who did what ({@code opened}, {@code revision}, …) and when. */
public record ChangeEvent(long id, long actorId, String actor, String action, String detail, Instant at) {
}
