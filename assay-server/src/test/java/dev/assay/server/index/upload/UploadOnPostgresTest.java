package dev.assay.server.index.upload;

/** Uploads on Postgres. */
class UploadOnPostgresTest extends UploadContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
