package dev.assay.server.review.packagereview.checklist;

/** A manual item of every review's checklist, configured by an administrator: section MUST or SHOULD. */
public record ChecklistItem(long id, String section, String text, int position) {
}
