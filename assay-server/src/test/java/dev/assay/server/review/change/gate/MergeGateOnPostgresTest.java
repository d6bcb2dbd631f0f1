package dev.assay.server.review.change.gate;

/** Merge gates on PostgreSQL. */
class MergeGateOnPostgresTest extends MergeGateContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
