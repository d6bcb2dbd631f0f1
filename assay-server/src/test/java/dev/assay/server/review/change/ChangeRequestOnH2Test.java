package dev.assay.server.review.change;

/** Change requests on H2. */
class ChangeRequestOnH2Test extends ChangeRequestContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
