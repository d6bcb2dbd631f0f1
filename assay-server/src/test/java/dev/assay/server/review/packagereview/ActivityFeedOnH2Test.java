package dev.assay.server.review.packagereview;

/** The activity feed's package reviews on H2. */
class ActivityFeedOnH2Test extends ActivityFeedContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
