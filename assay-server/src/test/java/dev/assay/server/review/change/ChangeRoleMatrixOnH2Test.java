package dev.assay.server.review.change;

/** The change request role matrix on H2. */
class ChangeRoleMatrixOnH2Test extends ChangeRoleMatrixContract {

    @Override
    String databaseKind() {
        return "h2";
    }
}
