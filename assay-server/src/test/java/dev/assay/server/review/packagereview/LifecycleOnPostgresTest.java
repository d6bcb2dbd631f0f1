package dev.assay.server.review.packagereview;

/** The package review lifecycle on PostgreSQL. */
class LifecycleOnPostgresTest extends LifecycleContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
