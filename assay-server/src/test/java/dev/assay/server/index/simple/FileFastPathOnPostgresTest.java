package dev.assay.server.index.simple;

/** {@link FileFastPathContract} on PostgreSQL. */
class FileFastPathOnPostgresTest extends FileFastPathContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
