package dev.assay.server.git.browse;

/** The README, last commits and diff views of the source pages on PostgreSQL. */
class SourceBrowsingOnPostgresTest extends SourceBrowsingContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
