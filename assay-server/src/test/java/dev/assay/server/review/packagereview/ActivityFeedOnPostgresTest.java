package dev.assay.server.review.packagereview;

/** The activity feed's package reviews on PostgreSQL. */
class ActivityFeedOnPostgresTest extends ActivityFeedContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
