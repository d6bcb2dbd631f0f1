package dev.assay.server.index.simple;

/** {@link ObjectStorageContract} on PostgreSQL. */
class ObjectStorageOnPostgresTest extends ObjectStorageContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
