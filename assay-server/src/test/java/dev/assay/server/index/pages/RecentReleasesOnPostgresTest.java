package dev.assay.server.index.pages;

/** The newest releases on Postgres. */
class RecentReleasesOnPostgresTest extends RecentReleasesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
