package dev.assay.server.git;

/** Git hosting with default settings and a restart, on PostgreSQL. */
class DefaultServerOnPostgresTest extends DefaultServerContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
