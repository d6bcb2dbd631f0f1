package dev.assay.server.review.change;

import dev.assay.server.accounts.Caller;

/**
 * Published (a Spring application event, inside the transaction that stored it) when a change request gets a
 * revision, the first one included: votes are reset or kept, watchers are told.
 */
public record RevisionAdded(ChangeRequest changeRequest, Revision revision, Caller uploader) {
}
