package dev.assay.server.config;

/** The start-up work done at start, on PostgreSQL. */
class StartupWorkOnPostgresTest extends StartupWorkContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
