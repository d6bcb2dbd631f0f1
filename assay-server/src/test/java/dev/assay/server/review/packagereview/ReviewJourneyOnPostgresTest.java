package dev.assay.server.review.packagereview;

/** A package review from first upload to install, in a real browser, on PostgreSQL. */
class ReviewJourneyOnPostgresTest extends ReviewJourneyContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
