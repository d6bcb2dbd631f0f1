package dev.assay.server.index;

/**
 * Published inside the transaction that accepted an upload, so that other features (the test pipeline)
 * record their work in the same transaction: it cannot be lost, and it goes away if the upload rolls back.
 */
public record FileUploaded(long projectId, String normalizedProject, long releaseId, String version, long fileId,
        String filename, String uploader) {
}
