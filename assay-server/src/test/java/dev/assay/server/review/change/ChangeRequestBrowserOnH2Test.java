package dev.assay.server.review.change;

/** The change request made and merged in the browser, on H2. */
class ChangeRequestBrowserOnH2Test extends ChangeRequestBrowserContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
