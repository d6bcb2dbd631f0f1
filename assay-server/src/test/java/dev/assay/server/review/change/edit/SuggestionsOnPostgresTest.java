package dev.assay.server.review.change.edit;

/** Suggested changes on Postgres. */
class SuggestionsOnPostgresTest extends SuggestionsContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
