package dev.assay.server.review.packagereview;

/** The review pages on H2. */
class ReviewPagesOnH2Test extends ReviewPagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
