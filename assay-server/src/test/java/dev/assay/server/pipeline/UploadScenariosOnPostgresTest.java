package dev.assay.server.pipeline;

/** The upload scenarios on PostgreSQL. */
class UploadScenariosOnPostgresTest extends UploadScenariosContract {
    @Override
    String databaseKind() {
        return "postgres";
    }
}
