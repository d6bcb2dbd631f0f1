package dev.assay.server.review.change.edit;

/** Suggested changes on Postgres. */
class SuggestionsOnPostgresTest extends SuggestionsContract {

    @Override
    String databaseKind() {
        return "postgresql";
    }
}
