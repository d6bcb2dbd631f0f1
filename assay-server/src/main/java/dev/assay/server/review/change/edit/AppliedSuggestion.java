package dev.assay.server.review.change.edit;

/** A suggestion applied: the change request, the revision it became and its commit. */
public record AppliedSuggestion(long number, int revision, String commit) {
}
