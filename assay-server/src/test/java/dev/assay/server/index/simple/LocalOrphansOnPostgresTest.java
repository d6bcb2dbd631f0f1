package dev.assay.server.index.simple;

/** {@link LocalOrphansContract} on PostgreSQL. */
class LocalOrphansOnPostgresTest extends LocalOrphansContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
