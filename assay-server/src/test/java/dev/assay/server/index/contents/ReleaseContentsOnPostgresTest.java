package dev.assay.server.index.contents;

/** A release's contents on PostgreSQL. */
class ReleaseContentsOnPostgresTest extends ReleaseContentsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
