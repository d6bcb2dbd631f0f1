package dev.assay.server.upstream.pages;

/** The page of a mirrored project on PostgreSQL. */
class MirroredProjectPageOnPostgresTest extends MirroredProjectPageContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
