package dev.assay.server.review.change;

/** The change request made and merged in the browser, on PostgreSQL. */
class ChangeRequestBrowserOnPostgresTest extends ChangeRequestBrowserContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
