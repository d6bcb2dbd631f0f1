package dev.assay.server.review.packagereview;

/** The package review lifecycle on H2. */
class LifecycleOnH2Test extends LifecycleContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
