package dev.assay.server.pipeline.rawdata;

/** Kept raw-data files and their downloads on Postgres. */
class RawDataOnPostgresTest extends RawDataContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
