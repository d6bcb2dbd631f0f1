package dev.assay.server.index.simple;

/** The Simple Repository API and file serving on PostgreSQL. */
class SimpleIndexOnPostgresTest extends SimpleIndexContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
