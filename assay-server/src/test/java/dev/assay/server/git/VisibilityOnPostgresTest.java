package dev.assay.server.git;

/** Project visibility on PostgreSQL. */
class VisibilityOnPostgresTest extends VisibilityContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
