package dev.assay.server.pipeline;

/** Pipelines of a data directory only its owner may enter, on Postgres. */
class PrivateDataDirectoryOnPostgresTest extends PrivateDataDirectoryContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
