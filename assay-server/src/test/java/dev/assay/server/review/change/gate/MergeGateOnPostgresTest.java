package dev.assay.server.review.change.gate;

/** Merge gates on PostgreSQL. */
class MergeGateOnPostgresTest extends MergeGateContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
