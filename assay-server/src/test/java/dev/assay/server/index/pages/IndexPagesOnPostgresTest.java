package dev.assay.server.index.pages;

/** The index's pages on Postgres. */
class IndexPagesOnPostgresTest extends IndexPagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
