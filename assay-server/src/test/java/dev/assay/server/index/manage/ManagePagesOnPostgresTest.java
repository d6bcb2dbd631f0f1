package dev.assay.server.index.manage;

/** The management page on PostgreSQL. */
class ManagePagesOnPostgresTest extends ManagePagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
