package dev.assay.server.index.simple;

/** {@link FileServingContract} on PostgreSQL. */
class FileServingOnPostgresTest extends FileServingContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
