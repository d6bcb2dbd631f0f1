package dev.assay.server.pipeline;

/** The upload scenarios on PostgreSQL. */
class UploadScenariosOnPostgresTest extends UploadScenariosContract {
    @Override
    protected String databaseKind() {
        return "postgres";
    }
}
