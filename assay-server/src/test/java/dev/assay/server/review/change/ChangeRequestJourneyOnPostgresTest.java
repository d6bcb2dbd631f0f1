package dev.assay.server.review.change;

/** The change request journey on PostgreSQL. */
class ChangeRequestJourneyOnPostgresTest extends ChangeRequestJourneyContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
