package dev.assay.server.index;

/**
 * Published inside the transaction that changed what the Simple Repository API shows: a project's pages (its id; 0
 * when not known yet, as for a project being inserted), and whether the project list changed too. Listeners that
 * keep pages act after the commit.
 */
public record IndexChanged(long projectId, boolean listChanged) {
}
