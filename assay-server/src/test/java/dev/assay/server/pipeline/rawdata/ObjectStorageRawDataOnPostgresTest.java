package dev.assay.server.pipeline.rawdata;

/** {@link ObjectStorageRawDataContract} on PostgreSQL. */
class ObjectStorageRawDataOnPostgresTest extends ObjectStorageRawDataContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
