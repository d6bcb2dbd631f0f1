package dev.assay.server.index.simple;

/** {@link PullThroughContract} on PostgreSQL. */
class PullThroughOnPostgresTest extends PullThroughContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
