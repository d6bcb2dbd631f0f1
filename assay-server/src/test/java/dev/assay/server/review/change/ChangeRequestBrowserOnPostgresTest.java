package dev.assay.server.review.change;

/**
 * The change request made and merged in the browser, on PostgreSQL only: what it adds is the browser journey;
 * every endpoint it uses is tested on both databases by the change request contracts.
 */
class ChangeRequestBrowserOnPostgresTest extends ChangeRequestBrowserContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
