package dev.assay.server.index.releasediff;

/** The release diffs migration's backfill on H2. */
class ReleaseDiffBackfillOnH2Test extends ReleaseDiffBackfillContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
