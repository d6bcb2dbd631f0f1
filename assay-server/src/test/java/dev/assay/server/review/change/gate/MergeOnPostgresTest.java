package dev.assay.server.review.change.gate;

/** Merging change requests on PostgreSQL. */
class MergeOnPostgresTest extends MergeContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
