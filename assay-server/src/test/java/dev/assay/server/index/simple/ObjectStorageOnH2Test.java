package dev.assay.server.index.simple;

/** {@link ObjectStorageContract} on H2. */
class ObjectStorageOnH2Test extends ObjectStorageContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
