package dev.assay.server.pipeline.rawdata;

/** {@link ObjectStorageRawDataContract} on H2. */
class ObjectStorageRawDataOnH2Test extends ObjectStorageRawDataContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
