package dev.assay.server.clients;

/** {@link BuildBackendsContract} on PostgreSQL. */
class BuildBackendsOnPostgresTest extends BuildBackendsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
