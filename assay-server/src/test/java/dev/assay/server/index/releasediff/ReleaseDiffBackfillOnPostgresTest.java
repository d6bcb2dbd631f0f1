package dev.assay.server.index.releasediff;

/** The release diffs migration's backfill on PostgreSQL. */
class ReleaseDiffBackfillOnPostgresTest extends ReleaseDiffBackfillContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
