package dev.assay.server.review.change;

/** The change request journey on H2. */
class ChangeRequestJourneyOnH2Test extends ChangeRequestJourneyContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
