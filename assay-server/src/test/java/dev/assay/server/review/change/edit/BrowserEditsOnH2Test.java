package dev.assay.server.review.change.edit;

/** Browser edits on H2. */
class BrowserEditsOnH2Test extends BrowserEditsContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
