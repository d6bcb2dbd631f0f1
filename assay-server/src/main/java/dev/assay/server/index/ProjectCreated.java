package dev.assay.server.index;

/**
 * Published inside the transaction that created a project, so that other features (the git host)
 * set up what the project owns in the same transaction.
 */
public record ProjectCreated(long projectId, String normalizedName) {
}
