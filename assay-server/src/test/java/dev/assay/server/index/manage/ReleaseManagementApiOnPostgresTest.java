package dev.assay.server.index.manage;

/** The release management API on PostgreSQL. */
class ReleaseManagementApiOnPostgresTest extends ReleaseManagementApiContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
