package dev.assay.server.review.packagereview;

/** Email from review actions on H2. */
class ReviewMailOnH2Test extends ReviewMailContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
