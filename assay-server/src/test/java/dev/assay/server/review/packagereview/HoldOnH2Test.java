package dev.assay.server.review.packagereview;

/** The hold of new projects on H2. */
class HoldOnH2Test extends HoldContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
