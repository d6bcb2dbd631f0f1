package dev.assay.server.review.change.gate;

/** Votes on change requests on PostgreSQL. */
class VoteOnPostgresTest extends VoteContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
