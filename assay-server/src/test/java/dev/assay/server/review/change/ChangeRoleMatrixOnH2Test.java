package dev.assay.server.review.change;

/** The change request role matrix on H2. */
class ChangeRoleMatrixOnH2Test extends ChangeRoleMatrixContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
