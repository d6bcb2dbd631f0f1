package dev.assay.server.review.packagereview;

/** The role matrix of every review endpoint on H2. */
class RoleMatrixOnH2Test extends RoleMatrixContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
