package dev.assay.server.review.change;

/** Change request email on PostgreSQL. */
class ChangeMailOnPostgresTest extends ChangeMailContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
