package dev.assay.server.review.change;

/** Change requests on PostgreSQL. */
class ChangeRequestOnPostgresTest extends ChangeRequestContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
