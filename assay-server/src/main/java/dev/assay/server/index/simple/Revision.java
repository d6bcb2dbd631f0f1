package dev.assay.server.index.simple;

/**
 * Which state of which project a page shows: the project's row and its serial. The id keeps a project
 * created again under an old name from ever matching a page (or an ETag) of the one before it.
 */
record Revision(long projectId, long serial) {
}
