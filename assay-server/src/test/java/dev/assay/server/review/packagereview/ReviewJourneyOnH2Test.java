package dev.assay.server.review.packagereview;

/** A package review from first upload to install, in a real browser, on H2. */
class ReviewJourneyOnH2Test extends ReviewJourneyContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
