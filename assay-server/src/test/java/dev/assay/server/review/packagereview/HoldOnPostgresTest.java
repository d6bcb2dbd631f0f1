package dev.assay.server.review.packagereview;

/** The hold of new projects on PostgreSQL. */
class HoldOnPostgresTest extends HoldContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
