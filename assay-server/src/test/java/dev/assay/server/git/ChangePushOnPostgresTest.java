package dev.assay.server.git;

/** Pushes around change requests on PostgreSQL. */
class ChangePushOnPostgresTest extends ChangePushContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
