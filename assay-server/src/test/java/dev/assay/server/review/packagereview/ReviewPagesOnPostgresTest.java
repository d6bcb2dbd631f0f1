package dev.assay.server.review.packagereview;

/** The review pages on PostgreSQL. */
class ReviewPagesOnPostgresTest extends ReviewPagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
