package dev.assay.server.review.packagereview;

/** Email from review actions on PostgreSQL. */
class ReviewMailOnPostgresTest extends ReviewMailContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
