package dev.assay.server.review.change;

/** The change request role matrix on PostgreSQL. */
class ChangeRoleMatrixOnPostgresTest extends ChangeRoleMatrixContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
