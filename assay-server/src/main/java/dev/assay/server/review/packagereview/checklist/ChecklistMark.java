package dev.assay.server.review.packagereview.checklist;

import java.time.Instant;

/**
 * A manual item as one review's reviewer ticked it, or not yet ({@code verdict} null).
 *
 * @param verdict pass, fail or not-applicable; null while unticked
 */
public record ChecklistMark(long itemId, String section, String text, String verdict, String comment, String markedBy,
        Instant markedAt) {
}
