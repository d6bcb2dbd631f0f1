package dev.assay.server.git;

/** Checks of pushed objects and size limits on PostgreSQL. */
class PushChecksOnPostgresTest extends PushChecksContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
