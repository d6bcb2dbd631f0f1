package dev.assay.server.review.change.edit;

/** Browser edits on H2. */
class BrowserEditsOnH2Test extends BrowserEditsContract {

    @Override
    String databaseKind() {
        return "h2";
    }
}
