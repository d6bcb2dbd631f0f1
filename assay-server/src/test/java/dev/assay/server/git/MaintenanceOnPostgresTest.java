package dev.assay.server.git;

/** Background repacks of repositories, on PostgreSQL. */
class MaintenanceOnPostgresTest extends MaintenanceContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
