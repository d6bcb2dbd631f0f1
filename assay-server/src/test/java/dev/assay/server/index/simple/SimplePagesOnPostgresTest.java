package dev.assay.server.index.simple;

/** {@link SimplePagesContract} on PostgreSQL. */
class SimplePagesOnPostgresTest extends SimplePagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
