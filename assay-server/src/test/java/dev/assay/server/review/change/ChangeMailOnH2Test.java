package dev.assay.server.review.change;

/** Change request email on H2. */
class ChangeMailOnH2Test extends ChangeMailContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
