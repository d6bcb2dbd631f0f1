package dev.assay.server.index.manage;

/** The role management API on PostgreSQL. */
class RoleManagementApiOnPostgresTest extends RoleManagementApiContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
