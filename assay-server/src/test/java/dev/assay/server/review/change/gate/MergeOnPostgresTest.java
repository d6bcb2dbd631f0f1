package dev.assay.server.review.change.gate;

/** Merging change requests on PostgreSQL. */
class MergeOnPostgresTest extends MergeContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
