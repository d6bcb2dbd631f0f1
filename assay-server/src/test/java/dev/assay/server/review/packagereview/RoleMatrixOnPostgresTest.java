package dev.assay.server.review.packagereview;

/** The role matrix of every review endpoint on PostgreSQL. */
class RoleMatrixOnPostgresTest extends RoleMatrixContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
