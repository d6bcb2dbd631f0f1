package dev.assay.server.review.change.edit;

/** Browser edits on Postgres. */
class BrowserEditsOnPostgresTest extends BrowserEditsContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
