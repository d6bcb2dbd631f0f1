package dev.assay.server.review.change;

/** Change requests on PostgreSQL. */
class ChangeRequestOnPostgresTest extends ChangeRequestContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
