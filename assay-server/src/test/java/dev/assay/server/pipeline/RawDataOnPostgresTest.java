package dev.assay.server.pipeline;

/** Kept raw-data files and their downloads on Postgres. */
class RawDataOnPostgresTest extends RawDataContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
